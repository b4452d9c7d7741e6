package dev.firesight.app.cli;

import dev.firesight.attach.AttachException;
import dev.firesight.attach.EngineChoice;
import dev.firesight.attach.ProfilingEvent;
import dev.firesight.attach.Recorder;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RecordingSession;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code record}: records a running JVM with async-profiler (or the JDK's Flight Recorder where
 * async-profiler cannot run) for a fixed time, or until Ctrl-C, and prints where the recording is.
 */
final class RecordCommand implements Command {
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "record";
    }

    @Override
    public String usage() {
        return "record --pid PID [--event cpu,alloc,lock,wall,live,nativemem | --preset memory-leak]\n"
                + "                [--duration SECONDS] [-o FILE.jfr] [--engine auto|async-profiler|jfr]\n"
                + "                                 record a running JVM (until Ctrl-C without --duration)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, AttachException {
        Options options = Options.parse(args);
        Recorder recorder = Recorder.standard(ATTACH_TIMEOUT);
        RecordingRequest request = (options.memoryLeak ? RecordingRequest.memoryLeak()
                : RecordingRequest.of(options.events)).withEngine(options.engine);
        if (options.memoryLeak) {
            err.println("The memory-leak preset records: " + String.join(" ", request.costs()));
        }
        if (options.output != null) {
            request = request.withOutput(options.output);
        }
        RecordingSession session;
        if (options.duration != null) {
            err.println("Recording JVM " + options.pid + " for " + options.duration.getSeconds() + " s...");
            session = recorder.record(options.pid, request, options.duration);
        } else {
            session = untilInterrupted(recorder, options.pid, request, err);
        }
        for (String message : session.messages()) {
            err.println("note: " + message);
        }
        out.println("Recorded JVM " + options.pid + " with " + session.engine().displayName() + ": "
                + session.file() + " (" + size(session.file()) + ")");
        return 0;
    }

    /** Records until Ctrl-C: a shutdown hook stops the recording so the file is complete. */
    private static RecordingSession untilInterrupted(Recorder recorder, long pid, RecordingRequest request,
            PrintStream err) throws AttachException {
        RecordingSession session = recorder.start(pid, request);
        err.println("Recording JVM " + pid + " into " + session.file() + "; press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                session.stop();
                err.println("Stopped; the recording is " + session.file());
            } catch (AttachException e) {
                err.println("firesight record: " + e.getMessage());
            } finally {
                session.close();
                stopped.countDown();
            }
        }, "firesight: stop recording");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (isAlive(pid)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        session.stop();
        return session;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 10 * 1024 ? bytes + " bytes" : dev.firesight.parser.Wording.bytes(bytes);
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }

    /** The parsed command line. */
    static final class Options {
        long pid = -1;
        Set<ProfilingEvent> events = Set.of(ProfilingEvent.CPU);
        Duration duration;
        Path output;
        EngineChoice engine = EngineChoice.AUTOMATIC;
        boolean memoryLeak;

        static Options parse(List<String> args) throws UsageException {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--pid", "-p" -> options.pid = positive(value(args, ++i, arg), arg);
                    case "--event", "-e" -> options.events = events(value(args, ++i, arg));
                    case "--duration", "-d" -> options.duration = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                    case "-o", "--output" -> options.output = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--engine" -> options.engine = engine(value(args, ++i, arg));
                    case "--preset" -> options.memoryLeak = preset(value(args, ++i, arg));
                    default -> throw new UsageException("unknown option '" + arg + "'; see 'firesight --help'.");
                }
            }
            if (options.pid < 0) {
                throw new UsageException("say which JVM to record with --pid PID; 'firesight jvms' lists them.");
            }
            if (options.output != null && !options.output.getFileName().toString().endsWith(".jfr")) {
                throw new UsageException("the output file must end in .jfr.");
            }
            return options;
        }

        private static String value(List<String> args, int i, String option) throws UsageException {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value.");
            }
            return args.get(i);
        }

        private static long positive(String text, String option) throws UsageException {
            try {
                long value = Long.parseLong(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new UsageException(option + " needs a positive whole number, not '" + text + "'.");
        }

        private static boolean preset(String name) throws UsageException {
            if (!name.equals("memory-leak")) {
                throw new UsageException("unknown preset '" + name + "'; the preset is memory-leak.");
            }
            return true;
        }

        private static Set<ProfilingEvent> events(String list) throws UsageException {
            try {
                return ProfilingEvent.parseList(list);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static EngineChoice engine(String name) throws UsageException {
            return switch (name) {
                case "auto" -> EngineChoice.AUTOMATIC;
                case "async-profiler" -> EngineChoice.ASYNC_PROFILER;
                case "jfr" -> EngineChoice.FLIGHT_RECORDER;
                default -> throw new UsageException("unknown engine '" + name + "'; use auto, async-profiler or jfr.");
            };
        }
    }
}
