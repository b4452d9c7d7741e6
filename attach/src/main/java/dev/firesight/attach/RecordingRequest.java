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

    /**
     * The "Memory leak" preset: what the memory views need, at production-safe rates. async-profiler records
     * allocations, the ones still alive at the end, and native allocations; the JDK's Flight Recorder records
     * allocations, old object samples with their paths to GC roots, and the live bytes per class after each
     * collection that marks the whole heap (what "growing classes" reads). {@link #costs()} says what each costs.
     */
    public static RecordingRequest memoryLeak() {
        return of(Set.of(ProfilingEvent.ALLOC, ProfilingEvent.LIVE, ProfilingEvent.NATIVEMEM));
    }

    /** What each of the request's events costs the recorded JVM, one sentence each, for the user to weigh. */
    public java.util.List<String> costs() {
        java.util.List<String> costs = new java.util.ArrayList<>();
        // binary units labelled as such, as everywhere in Firesight (attach/ does not see the parser's Wording)
        String every = allocInterval % (1024 * 1024) == 0 ? allocInterval / (1024 * 1024) + " MiB"
                : allocInterval % 1024 == 0 ? allocInterval / 1024 + " KiB" : allocInterval + " bytes";
        if (has(ProfilingEvent.CPU) || has(ProfilingEvent.WALL)) {
            costs.add("cpu, wall: a stack walk per sample; about 1% of one core at the default rates.");
        }
        // With Flight Recorder chosen, what it records: its "profile" settings, and no native allocations.
        boolean jfr = engine == EngineChoice.FLIGHT_RECORDER;
        if (has(ProfilingEvent.ALLOC)) {
            costs.add(jfr ? "alloc: the JDK's allocation samples, throttled by its \"profile\" settings; negligible for"
                    + " most services." : "alloc: one sample per " + every + " allocated; negligible for most services.");
        }
        if (has(ProfilingEvent.LIVE)) {
            costs.add("live: a weak reference per sampled allocation until it dies (async-profiler), or, with"
                    + " Flight Recorder, a search for each sampled object's path to its GC root when the recording"
                    + " ends, which can pause the JVM for a fraction of a second on a large heap, and a count of the"
                    + " live bytes per class at each collection that marks the whole heap.");
        }
        if (has(ProfilingEvent.NATIVEMEM) && !jfr) { // Flight Recorder cannot: a note says so when it starts
            costs.add("nativemem: intercepts malloc and free; one allocation sampled per " + every
                    + ", and every free looked up, a few percent of CPU in code that allocates natively a lot.");
        }
        if (has(ProfilingEvent.LOCK)) {
            costs.add("lock: a sample per contended wait longer than " + lockThreshold.toMillis() + " ms.");
        }
        return costs;
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
