package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.testing.TestRecordings;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap's trend on real JVMs: one that leaks until it runs out, and one that only makes garbage. */
class MemoryTrendTest {

    @Test
    void theFirstHalfOfALeakForetellsTheOutOfMemoryError() throws Exception {
        Path recording = TestRecordings.memory("leak");
        long start = printed(recording, "start ") * 1_000_000L;
        // When the leak would have run out at its pace: on a busy machine the workload falls behind it,
        // mostly near the limit where collections crowd in, and the error comes later by that much.
        long oom = (printed(recording, "oom ") - printed(recording, "late ")) * 1_000_000L;
        Profile profile = Recordings.open(recording);
        TimeSeries live = profile.series().get(TimeSeries.Kind.HEAP_AFTER_GC);
        assertNotNull(live, "the recording has heap-after-GC readings");
        assertEquals(64L << 20, (long) profile.series().get(TimeSeries.Kind.MAX_HEAP).value(0), "-Xmx64m is recorded");

        long half = start + (oom - start) / 2;
        TimeSeries firstHalf = before(live, half);
        MemoryTrend trend = MemoryTrend.of(firstHalf, 64L << 20, "-Xmx");
        assertTrue(trend.growing(), trend.sentence());
        long projected = firstHalf.timeNanos(firstHalf.size() - 1) + (long) (trend.hoursToLimit() * 3.6e12);
        double error = Math.abs(projected - oom) / (double) (oom - start);
        assertTrue(error < 0.3, "projected the OutOfMemoryError " + (projected - start) / 1e9 + " s after the start, "
                + "it came after " + (oom - start) / 1e9 + " s: " + trend.sentence());
        assertTrue(trend.sentence().startsWith("Heap used after GC grows "), trend.sentence());
        assertTrue(trend.sentence().contains("reaches -Xmx (64.0 MiB) in about"), trend.sentence());
        assertFalse(trend.sentence().contains("record longer"), "a projection about as far ahead as the readings "
                + "behind it needs no warning: " + trend.sentence());

        MemoryTrend far = MemoryTrend.of(firstHalf, 64L << 30, "-Xmx");
        assertTrue(far.hoursToLimit() * 3.6e12 > 10 * (firstHalf.timeNanos(firstHalf.size() - 1)
                - firstHalf.timeNanos(0)), "precondition: 64 GiB is far ahead of the readings: " + far.sentence());
        assertTrue(far.sentence().contains("reaches -Xmx (64.0 GiB) in about "), far.sentence());
        assertTrue(far.sentence().endsWith(" of readings; record longer to confirm it)."), far.sentence());
    }

    @Test
    void aHeapThatAlreadyRanIntoItsLimitSaysSoInsteadOfProjecting() throws Exception {
        Path recording = TestRecordings.memory("leak");
        // the fullest heap after a collection, as the JDK's own parser reads it
        double peak = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.GCHeapSummary") && "After GC".equals(e.getString("when"))) {
                    peak = Math.max(peak, e.getLong("heapUsed"));
                }
            }
        }
        double limit = 64L << 20;
        assertTrue(peak >= 0.9 * limit, "precondition: the leak ran out of heap, " + peak + " bytes after a GC");

        MemoryTrend trend = MemoryTrend.liveHeap(Recordings.open(recording).jvms().get(0));
        assertTrue(trend.growing(), trend.sentence());
        assertEquals(0, trend.hoursToLimit(), trend.sentence());
        String reached = "; it already reached " + MemoryTrend.mb(peak) + ", " + Math.round(100 * peak / limit)
                + "% of -Xmx (64.0 MiB).";
        assertTrue(trend.sentence().endsWith(reached), "expected '" + reached + "' in: " + trend.sentence());
    }

    @Test
    void churnWithoutALeakIsNotGrowing() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("churn"));
        MemoryTrend trend = MemoryTrend.liveHeap(profile.jvms().get(0));
        assertNotNull(trend);
        assertTrue(trend.readings() >= MemoryTrend.MIN_READINGS, "enough collections for a verdict: " + trend);
        assertFalse(trend.growing(), trend.sentence());
        assertTrue(trend.sentence().startsWith("Heap used after GC is not growing"), trend.sentence());
    }

    /**
     * A few seconds of a slow leak rise less than a verdict needs: the sentence says so instead of "not growing".
     * The leak's own readings, a hundredth of their size: the same shape, rising by well under a megabyte.
     */
    @Test
    void aSmallSteadyRiseIsNoVerdictEitherWay() throws Exception {
        TimeSeries live = Recordings.open(TestRecordings.memory("leak")).series().get(TimeSeries.Kind.HEAP_AFTER_GC);
        long[] times = new long[live.size()];
        double[] values = new double[live.size()];
        for (int i = 0; i < live.size(); i++) {
            times[i] = live.timeNanos(i);
            values[i] = live.value(i) / 100;
        }
        MemoryTrend trend = MemoryTrend.of(new TimeSeries(TimeSeries.Kind.HEAP_AFTER_GC, times, values, 0), 64L << 20,
                "-Xmx");
        assertFalse(trend.growing());
        assertTrue(trend.sentence().startsWith("Heap used after GC rises +") && trend.sentence().contains(
                "too little to tell growth from noise"), trend.sentence());
    }

    @Test
    void tooFewCollectionsGiveNoVerdict() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("churn"));
        TimeSeries live = profile.series().get(TimeSeries.Kind.HEAP_AFTER_GC);
        MemoryTrend trend = MemoryTrend.of(before(live, live.timeNanos(2)), 64L << 20, "-Xmx");
        assertFalse(trend.growing());
        assertEquals("Heap used after GC: too little data for a trend (3 readings; at least 6 are needed, that is,"
                + " 6 garbage collections).", trend.sentence());
    }

    /** The points up to and including a time. */
    private static TimeSeries before(TimeSeries s, long timeNanos) {
        int n = 0;
        while (n < s.size() && s.timeNanos(n) <= timeNanos) {
            n++;
        }
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = s.timeNanos(i);
            values[i] = s.value(i);
        }
        return new TimeSeries(s.kind(), times, values, 0);
    }

    private static long printed(Path recording, String prefix) throws Exception {
        return Files.readAllLines(TestRecordings.log(recording)).stream().filter(l -> l.startsWith(prefix))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length()).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("the workload printed no '" + prefix + "' line"));
    }
}
