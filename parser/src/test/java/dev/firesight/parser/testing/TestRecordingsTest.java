package dev.firesight.parser.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The fixture recordings exist and hold what their workloads and settings promise. */
class TestRecordingsTest {
    private static final List<String> JFR_EVENTS = List.of("jdk.ExecutionSample",
            "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB", "jdk.ObjectAllocationSample",
            "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.GarbageCollection", "jdk.GCHeapSummary",
            "jdk.CPULoad", "jdk.JVMInformation", "jdk.InitialSystemProperty", "jdk.InitialEnvironmentVariable");

    @Test
    void jdk17RecordingHasTheConfiguredEventsInOneChunk() throws IOException {
        Path recording = TestRecordings.jdk17();
        assertHasEvents(recording, JFR_EVENTS);
        assertEquals(0L, JdkOracle.read(recording).eventCounts().getOrDefault("jdk.NativeMethodSample", 0L));
        assertEquals(1, JfrFiles.chunkCount(recording));
        assertEquals("2.1", JfrFiles.version(recording));
    }

    @Test
    void jdk25RecordingHasTheConfiguredEvents() throws IOException {
        Path recording = TestRecordings.jdk25();
        assertHasEvents(recording, JFR_EVENTS);
        assertEquals(0L, JdkOracle.read(recording).eventCounts().getOrDefault("jdk.NativeMethodSample", 0L));
    }

    @Test
    void asyncProfilerRecordingHasCpuAllocLockWallAndLiveEvents() throws IOException {
        Path recording = TestRecordings.asyncProfiler();
        assertHasEvents(recording, List.of("jdk.ExecutionSample", "profiler.WallClockSample",
                "jdk.ObjectAllocationInNewTLAB", "profiler.LiveObject", "jdk.JavaMonitorEnter"));
        assertTrue(JdkOracle.read(recording).asyncProfiler());
        assertEquals("2.0", JfrFiles.version(recording));
        String log = recording.getFileName().toString().replace(".jfr", ".agent.log");
        assertTrue(Files.exists(recording.resolveSibling(log)), "agent log " + log);
    }

    @Test
    void frameTypesAndThreadStatesAreWhatOraclesMdSays() throws IOException {
        Path jdk = TestRecordings.jdk17();
        assertEquals(Set.of("Interpreted", "JIT compiled", "Inlined", "Native"),
                Set.copyOf(ConverterOracle.enumValues(jdk, "jdk.types.FrameType").values()));
        assertFalse(ConverterOracle.enumValues(jdk, "jdk.types.ThreadState").containsValue("STATE_DEFAULT"));
        assertEquals(Set.of("STATE_RUNNABLE"), JdkOracle.read(jdk).threadStates());

        Path ap = TestRecordings.asyncProfiler();
        assertEquals(Set.of("Interpreted", "JIT compiled", "Inlined", "Native", "C++", "Kernel", "C1 compiled"),
                Set.copyOf(ConverterOracle.enumValues(ap, "jdk.types.FrameType").values()));
        assertEquals(Set.of("STATE_DEFAULT", "STATE_RUNNABLE", "STATE_SLEEPING"),
                Set.copyOf(ConverterOracle.enumValues(ap, "jdk.types.ThreadState").values()));
    }

    @Test
    void multiChunkRecordingHasSeveralChunks() throws IOException {
        assertTrue(JfrFiles.chunkCount(TestRecordings.multiChunk()) >= TestRecordings.MULTI_CHUNK_ROTATIONS + 1);
    }

    @Test
    void concatenatedRecordingHasTheChunksOfBoth() throws IOException {
        assertEquals(JfrFiles.chunkCount(TestRecordings.jdk17()) + JfrFiles.chunkCount(TestRecordings.burst()),
                JfrFiles.chunkCount(TestRecordings.concatenated()));
    }

    @Test
    void gzippedRecordingDecompressesToTheJdk17Recording() throws IOException {
        Path gz = TestRecordings.gzipped();
        assertTrue(JfrFiles.isGzip(gz));
        assertTrue(gz.getFileName().toString().endsWith(".jfr.gz"));
        assertArrayEquals(Files.readAllBytes(TestRecordings.jdk17()), Files.readAllBytes(JfrFiles.plain(gz)));
    }

    @Test
    void burstAllocationHappensInsideTheBurstWindow() throws IOException {
        Path recording = TestRecordings.burst();
        Map<String, Instant> marks = burstMarks(recording);
        Instant from = marks.get("burst-start").minusMillis(100);
        Instant to = marks.get("burst-end").plusMillis(100);
        long inside = 0;
        long outside = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().startsWith("jdk.ObjectAllocation") || e.getThread() == null
                        || !BurstWorkload.THREAD.equals(e.getThread().getJavaName())) {
                    continue;
                }
                boolean inBurst = e.getStackTrace() != null && e.getStackTrace().getFrames().stream()
                        .map(RecordedFrame::getMethod).anyMatch(m -> m.getName().equals("burst"));
                boolean inWindow = !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to);
                if (inBurst && inWindow) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertTrue(inside > 50, "allocation events in the burst: " + inside);
        assertTrue(outside * 20 < inside, "allocation events outside the burst: " + outside + " vs " + inside);
        CollapsedStacks alloc = JdkOracle.view(recording, View.ALLOC);
        assertTrue(alloc.weightOf(BurstWorkload.frame("burst"), "byte[]") > 0.9 * alloc.totalWeight());
    }

    @Test
    void halvedCapturesDifferByTheirFactor() {
        CollapsedStacks baseline = JdkOracle.view(TestRecordings.halved(1.0), View.ALLOC);
        CollapsedStacks halved = JdkOracle.view(TestRecordings.halved(0.5), View.ALLOC);
        String steady = HalvedWorkload.frame("allocateSteady");
        String halvable = HalvedWorkload.frame("allocateHalvable");
        String onlyInBaseline = HalvedWorkload.frame("onlyInBaseline");

        assertRatio(1.0, baseline.totalOf(halvable), baseline.totalOf(steady), 0.10);
        assertRatio(0.5, halved.totalOf(halvable), halved.totalOf(steady), 0.10);
        assertRatio(1.0, halved.totalOf(steady), baseline.totalOf(steady), 0.10);
        assertRatio(0.5, baseline.totalOf(onlyInBaseline), baseline.totalOf(steady), 0.10);
        assertTrue(baseline.weightOf(onlyInBaseline, "long[]") > 0);
        assertEquals(0, halved.totalOf(onlyInBaseline));
    }

    private static void assertRatio(double expected, long numerator, long denominator, double tolerance) {
        double ratio = (double) numerator / denominator;
        assertTrue(Math.abs(ratio - expected) <= tolerance * expected,
                "ratio " + ratio + " (" + numerator + "/" + denominator + ") not within "
                        + (int) (tolerance * 100) + "% of " + expected);
    }

    private static Map<String, Instant> burstMarks(Path recording) throws IOException {
        Path log = recording.resolveSibling(recording.getFileName().toString().replace(".jfr", ".log"));
        Instant start = null;
        Instant end = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].equals("burst-start")) {
                start = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            } else if (parts.length == 2 && parts[0].equals("burst-end")) {
                end = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            }
        }
        assertTrue(start != null && end != null, "burst marks in " + log);
        return Map.of("burst-start", start, "burst-end", end);
    }

    private static void assertHasEvents(Path recording, List<String> types) {
        Map<String, Long> counts = JdkOracle.read(recording).eventCounts();
        for (String type : types) {
            assertTrue(counts.getOrDefault(type, 0L) > 0, type + " in " + recording.getFileName() + ": " + counts);
        }
    }
}
