package dev.firesight.attach;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What to record and where.
 *
 * @param events          the sampled events; never empty
 * @param allocInterval   bytes allocated between two allocation samples (async-profiler {@code alloc=})
 * @param lockThreshold   lock wait time that triggers a lock sample (async-profiler {@code lock=})
 * @param wallInterval    period of wall-clock samples (async-profiler {@code wall=})
 * @param output          the {@code .jfr} file to write; empty to name one in the recordings folder
 * @param engine          which engine may record
 */
public record RecordingRequest(Set<ProfilingEvent> events, long allocInterval, Duration lockThreshold,
        Duration wallInterval, Optional<Path> output, EngineChoice engine) {

    public static final long DEFAULT_ALLOC_INTERVAL = 512 * 1024;
    public static final Duration DEFAULT_LOCK_THRESHOLD = Duration.ofMillis(10);
    public static final Duration DEFAULT_WALL_INTERVAL = Duration.ofMillis(50);

    public RecordingRequest {
        events = events.isEmpty() ? EnumSet.noneOf(ProfilingEvent.class) : EnumSet.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a recording needs at least one event");
        }
        if (events.contains(ProfilingEvent.LIVE)) {
            events.add(ProfilingEvent.ALLOC);
        }
        events = Set.copyOf(events);
        if (allocInterval <= 0) {
            throw new IllegalArgumentException("the allocation interval must be positive");
        }
    }

    /** The given events with default intervals, a file in the recordings folder and automatic engine. */
    public static RecordingRequest of(Set<ProfilingEvent> events) {
        return new RecordingRequest(events, DEFAULT_ALLOC_INTERVAL, DEFAULT_LOCK_THRESHOLD, DEFAULT_WALL_INTERVAL,
                Optional.empty(), EngineChoice.AUTOMATIC);
    }

    public RecordingRequest withOutput(Path file) {
        return new RecordingRequest(events, allocInterval, lockThreshold, wallInterval,
                Optional.of(file.toAbsolutePath()), engine);
    }

    public RecordingRequest withEngine(EngineChoice choice) {
        return new RecordingRequest(events, allocInterval, lockThreshold, wallInterval, output, choice);
    }

    public RecordingRequest withAllocInterval(long bytes) {
        return new RecordingRequest(events, bytes, lockThreshold, wallInterval, output, engine);
    }

    public boolean has(ProfilingEvent event) {
        return events.contains(event);
    }
}
