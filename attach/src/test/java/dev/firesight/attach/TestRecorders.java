package dev.firesight.attach;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Recorders whose folders live in a test's temporary folder. */
final class TestRecorders {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private TestRecorders() {
    }

    static Recorder in(Path dir) {
        return new Recorder(new Attacher(TIMEOUT), AsyncProfilerLibrary.forThisPlatform(dir.resolve("cache")),
                new RecordingsFolder(dir.resolve("recordings")), dir.resolve("scratch"));
    }

    /** A recorder whose async-profiler has no library for "this platform", as on Windows. */
    static Recorder withoutAsyncProfiler(Path dir) {
        return new Recorder(new Attacher(TIMEOUT), new AsyncProfilerLibrary(Optional.empty(), dir.resolve("cache"), "4.2"),
                new RecordingsFolder(dir.resolve("recordings")), dir.resolve("scratch"));
    }
}
