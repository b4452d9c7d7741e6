package dev.firesight.attach;

import java.nio.file.Path;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * Builds async-profiler's agent argument strings ({@code start,event=cpu,alloc=524288,jfr,file=...}).
 * Arguments are separated by commas and nothing can be quoted, so paths must not contain commas.
 */
final class AgentArguments {
    private AgentArguments() {
    }

    /**
     * The start command for a JFR recording. CPU or wall-clock is the main event ({@code event=});
     * wall-clock joins CPU through {@code wall=}; allocation, live and lock sampling are options.
     */
    static String start(RecordingRequest request, Path file, Path log) {
        StringJoiner args = new StringJoiner(",");
        args.add("start");
        if (request.has(ProfilingEvent.CPU)) {
            args.add("event=cpu");
            if (request.has(ProfilingEvent.WALL)) {
                args.add("wall=" + time(request.wallInterval()));
            }
        } else if (request.has(ProfilingEvent.WALL)) {
            args.add("event=wall");
            args.add("interval=" + time(request.wallInterval()));
        }
        if (request.has(ProfilingEvent.ALLOC)) {
            args.add("alloc=" + request.allocInterval());
        }
        if (request.has(ProfilingEvent.LIVE)) {
            args.add("live");
        }
        if (request.has(ProfilingEvent.NATIVEMEM)) {
            args.add("nativemem=" + request.allocInterval()); // sampled like allocations: one per N bytes
        }
        if (request.has(ProfilingEvent.LOCK)) {
            args.add("lock=" + time(request.lockThreshold()));
        }
        args.add("jfr");
        args.add("file=" + file);
        args.add("log=" + log);
        return args.toString();
    }

    static String dump(Path log) {
        return "dump,jfr,log=" + log;
    }

    static String stop(Path log) {
        return "stop,jfr,log=" + log;
    }

    static String status(Path output, Path log) {
        return "status,file=" + output + ",log=" + log;
    }

    /** True when async-profiler can take {@code path} as an argument value. */
    static boolean acceptable(Path path) {
        return path.toString().indexOf(',') < 0;
    }

    /** "10ms", "250us" or "1500ns": async-profiler's time units. */
    static String time(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        if (nanos % 1_000 == 0) {
            return nanos / 1_000 + "us";
        }
        return nanos + "ns";
    }
}
