package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.ConverterOracle;
import dev.firesight.parser.testing.JfrFiles;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees of async-profiler's wall-clock and live-object recordings, release by release: threads
 * that sleep show in the wall-clock view and never as CPU burn, and live mode's allocation view holds what
 * the converter holds. ({@link ParserEquivalenceTest} checks the same recordings stack for stack.)
 */
class AsyncProfilerReleasesTest {
    /** Wall clock as the main (only) sampling event: 2.x and 3.x write jdk.ExecutionSample for it. */
    static final String WALL_MAIN = "event=wall,interval=5ms";
    /** CPU as the main event, nothing else. */
    static final String CPU_MAIN = "event=cpu,interval=5ms";
    /** CPU plus wall clock in one recording (2.10 and later): both as jdk.ExecutionSample before 4.0. */
    static final String CPU_AND_WALL = "event=cpu,interval=5ms,wall=5ms";
    /** 4.x's legacy wall clock: jdk.ExecutionSample instead of profiler.WallClockSample. */
    static final String WALL_NOBATCH = "event=wall,interval=5ms,nobatch";
    /** Allocations with live-object tracking. */
    static final String LIVE = "event=cpu,interval=5ms,alloc=256k,live";

    private static final String SLEEP = "java.lang.Thread.sleep";

    @ParameterizedTest(name = "async-profiler {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "2.9|" + WALL_MAIN, "3.0|" + WALL_MAIN, "4.2|" + WALL_MAIN, "4.2|" + WALL_NOBATCH})
    void wallClockAsTheMainEventIsAWallClockView(String version, String options) throws Exception {
        Profile profile = Recordings.open(recording(version, options));
        assertFalse(profile.has(ViewKind.CPU), "no CPU view: the recording sampled wall clock only");
        Map<String, Long> wall = stacks(profile, ViewKind.WALL);
        assertTrue(totalUnder(wall, SLEEP) > 0, "the sleeping contender threads show in the wall-clock view");
        assertTrue(totalUnder(wall, Workload.frame("burnCpu")) > 0, "and so does the running thread");
    }

    @ParameterizedTest(name = "async-profiler {0} {1}")
    @CsvSource(delimiter = '|', value = {"2.9|" + CPU_MAIN, "3.0|" + CPU_AND_WALL, "4.2|" + CPU_AND_WALL})
    void cpuSamplesNeverShowSleepingThreads(String version, String options) throws Exception {
        Path path = recording(version, options);
        Profile profile = Recordings.open(path);
        Map<String, Long> cpu = stacks(profile, ViewKind.CPU);
        long cpuTotal = cpu.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(totalUnder(cpu, Workload.frame("burnCpu")) * 4 > cpuTotal,
                "the thread that burns CPU has more than a quarter of the CPU samples: " + cpuTotal);
        // Going into and out of sleep takes a little CPU (2 % here); mistaking wall clock for CPU gave 90 %.
        double cpuShare = share(cpu, SLEEP);
        assertTrue(cpuShare < 0.1, "threads asleep are hardly ever on CPU: " + totalUnder(cpu, SLEEP) + " of "
                + cpuTotal);
        if (options.contains("wall=")) {
            Map<String, Long> wall = stacks(profile, ViewKind.WALL);
            assertTrue(share(wall, SLEEP) > 3 * cpuShare, "sleeping threads weigh more in the wall clock ("
                    + share(wall, SLEEP) + ") than on CPU (" + cpuShare + ")");
            assertEquals(ConverterOracle.view(path, View.CPU).eventCount(), profile.samples(ViewKind.CPU).size(),
                    "as many CPU samples as the converter's --cpu");
        } else {
            assertFalse(profile.has(ViewKind.WALL), "a CPU-only recording has no wall-clock view");
        }
    }

    @ParameterizedTest(name = "async-profiler {0} " + LIVE)
    @CsvSource({"2.9", "4.2"})
    void liveModeAllocationsAreWhatTheConverterReads(String version) throws Exception {
        Path path = recording(version, LIVE);
        Profile profile = Recordings.open(path);
        assertEquals(List.of(), profile.warnings(), "an intact live-mode recording is not called damaged");
        long converter = ConverterOracle.view(path, View.ALLOC).totalWeight();
        assertEquals(converter, profile.samples(ViewKind.ALLOC).totalWeight(), "allocated bytes as the converter");
        assertTrue(profile.has(ViewKind.LIVE), "live objects are a view");
        assertFalse(stacks(profile, ViewKind.ALLOC).keySet().stream().anyMatch(s -> s.contains("[unresolved")),
                "no [unresolved stack] in an intact file");
        if (profile.eventsWithoutStack(ViewKind.ALLOC) > 0) {
            assertTrue(profile.notes().stream().anyMatch(n -> n.contains("without a stack trace")),
                    "the events without a stack are explained in a note: " + profile.notes());
        }
        assertTrue(JfrFiles.chunkCount(JfrFiles.plain(path)) >= 1);
    }

    /** Live objects sit on the timeline where they were allocated, so a time range picks them by age. */
    @ParameterizedTest(name = "async-profiler {0} " + LIVE)
    @CsvSource({"2.9", "4.2"})
    void liveObjectsAreSelectedByTheirAllocationTime(String version) throws Exception {
        Path path = recording(version, LIVE);
        java.util.TreeMap<Long, Long> bytesByAllocation = new java.util.TreeMap<>();
        try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(path)) {
            while (file.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("profiler.LiveObject") && e.getStackTrace() != null) {
                    java.time.Instant t = e.getInstant("allocationTime");
                    bytesByAllocation.merge(t.getEpochSecond() * 1_000_000_000L + t.getNano(),
                            e.getLong("allocationSize"), Long::sum);
                }
            }
        }
        // "older than": allocated before a moment in the middle, chosen between two allocations far apart
        List<Long> times = List.copyOf(bytesByAllocation.keySet());
        long cutoff = 0;
        for (int i = times.size() / 2; i < times.size() - 1 && cutoff == 0; i++) {
            if (times.get(i + 1) - times.get(i) > 10_000) {
                cutoff = (times.get(i) + times.get(i + 1)) / 2;
            }
        }
        assertTrue(cutoff > 0, "a gap between allocations");
        long expected = bytesByAllocation.headMap(cutoff).values().stream().mapToLong(Long::longValue).sum();
        Profile profile = Recordings.open(path);
        long ours = CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.LIVE).withRange(Long.MIN_VALUE, cutoff))
                .total(dev.firesight.parser.query.CallTree.ROOT);
        assertEquals(expected, ours, "bytes still alive that were allocated before the moment");
        assertTrue(ours > 0 && ours < profile.samples(ViewKind.LIVE).totalWeight());
    }

    private static Path recording(String version, String options) {
        return TestRecordings.asyncProfilerRelease(version, options);
    }

    private static Map<String, Long> stacks(Profile profile, ViewKind view) {
        return profile.has(view) ? Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(view))) : Map.of();
    }

    private static double share(Map<String, Long> stacks, String frame) {
        long total = stacks.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? 0 : totalUnder(stacks, frame) / (double) total;
    }

    /** The weight of the stacks that pass through a frame. */
    private static long totalUnder(Map<String, Long> stacks, String frame) {
        return stacks.entrySet().stream()
                .filter(e -> List.of(e.getKey().split(";")).contains(frame))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
