package dev.firesight.attach;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a recording samples. async-profiler 4.2 accepts any combination of these in one JFR recording
 * (one of CPU or wall as the main event, plus allocation, lock and wall options); {@link #LIVE} keeps
 * only allocation samples whose objects are still alive at the end, so it implies {@link #ALLOC}.
 */
public enum ProfilingEvent {
    /** On-CPU samples (perf_events, or ctimer/itimer when perf_events are not permitted). */
    CPU,
    /** Heap allocation samples, weighted by bytes. */
    ALLOC,
    /** Contended monitor and lock waits. */
    LOCK,
    /** Wall-clock samples of all threads, running or not. */
    WALL,
    /** Allocation samples of objects still alive at the end of the recording (leak hunting). */
    LIVE,
    /** Native allocations and frees (async-profiler's {@code nativemem}, 3.0 and later): native leaks. */
    NATIVEMEM;

    /** The name used on the command line and in async-profiler, e.g. "cpu". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list such as {@code cpu,alloc,live}.
     *
     * @throws IllegalArgumentException with a one-sentence message for an unknown or empty list
     */
    public static Set<ProfilingEvent> parseList(String list) {
        Set<ProfilingEvent> events = EnumSet.noneOf(ProfilingEvent.class);
        for (String part : list.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                events.add(valueOf(id.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown event '" + id + "'; use cpu, alloc, lock, wall, live or nativemem.");
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no event given; use cpu, alloc, lock, wall, live or nativemem.");
        }
        return events;
    }
}
