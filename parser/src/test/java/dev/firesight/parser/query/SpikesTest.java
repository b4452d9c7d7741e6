package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.BurstWorkload;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spike finder and allocation breakdown on a real recording of a quiet-burst-quiet workload. */
class SpikesTest {
    private static final String BURST = BurstWorkload.frame("burst");
    private static BurstRecording burst;

    @BeforeAll
    static void record() throws Exception {
        burst = BurstRecording.load();
    }

    @Test
    void findsOneWindowAroundTheBurstLedByTheBurstMethod() {
        Spikes spikes = Spikes.find(burst.profile());
        assertFalse(spikes.windows().isEmpty(), "no spike windows");
        Spikes.Window top = spikes.windowsByPeak().get(0);
        long slack = spikes.rate().bucketNanos();
        assertTrue(top.peakNanos() + slack > burst.burstStartNanos() && top.peakNanos() < burst.burstEndNanos(),
                "peak bucket " + top.peakNanos() + " outside burst " + burst.burstStartNanos() + ".."
                        + burst.burstEndNanos());
        assertTrue(top.startNanos() >= burst.burstStartNanos() - slack, "window starts before the burst");
        assertTrue(top.endNanos() <= burst.burstEndNanos() + 2 * slack, "window ends after the burst");
        assertEquals(BURST, top.topMethods().get(0).name());
        // The quiet phases allocate almost nothing: a window there (JFR's own start-up allocation can make
        // one) is small beside the burst's.
        for (Spikes.Window w : spikes.windows()) {
            boolean inBurst = w.endNanos() > burst.burstStartNanos() - slack
                    && w.startNanos() < burst.burstEndNanos() + slack;
            assertTrue(inBurst || w.bytes() < 0.1 * top.bytes(), "large window outside the burst: " + w);
        }
        // The window holds most of the recording's allocated bytes.
        long total = burst.profile().samples(ViewKind.ALLOC).totalWeight();
        long inWindows = spikes.windows().stream().mapToLong(Spikes.Window::bytes).sum();
        assertTrue(inWindows > 0.9 * total, inWindows + " of " + total);
    }

    /**
     * Under a thread filter (the timeline's, when the user picks threads or a JVM) the windows are those threads'
     * bursts: all threads give the profile's own windows; the threads without the burst give none as large.
     */
    @Test
    void spikesFollowAThreadFilter() {
        Profile profile = burst.profile();
        Spikes whole = Spikes.find(profile);
        java.util.BitSet all = new java.util.BitSet();
        all.set(0, profile.threadCount());
        Spikes everyThread = Spikes.find(profile, all, -1);
        assertEquals(whole.windows().stream().map(w -> w.startNanos() + ".." + w.endNanos() + " " + w.bytes()).toList(),
                everyThread.windows().stream().map(w -> w.startNanos() + ".." + w.endNanos() + " " + w.bytes())
                        .toList());
        assertEquals(whole.longPauses().size(), everyThread.longPauses().size());

        // The threads that allocated in the burst, and the others.
        SampleTable table = profile.samples(ViewKind.ALLOC);
        AllocationSites sites = AllocationSites.of(profile);
        java.util.BitSet bursting = new java.util.BitSet();
        for (int i = 0; i < table.size(); i++) {
            int site = sites.site(table.stack(i));
            if (site != AllocationSites.NONE && profile.frames().nameOf(site).equals(BURST)) {
                bursting.set(table.thread(i));
            }
        }
        assertFalse(bursting.isEmpty(), "the burst's thread");
        java.util.BitSet others = (java.util.BitSet) all.clone();
        others.andNot(bursting);
        long top = whole.windowsByPeak().get(0).bytes();
        Spikes quiet = Spikes.find(profile, others, -1);
        assertTrue(quiet.windows().stream().allMatch(w -> w.bytes() < 0.1 * top),
                "no burst in the threads that did not burst: " + quiet.windows());
        assertEquals(whole.pauses().stream().map(Spikes.Pause::timeNanos).toList(),
                quiet.pauses().stream().map(Spikes.Pause::timeNanos).toList(), "the JVM's pauses, whatever the threads");
    }

    @Test
    void peakOfTheRecordedRateSeriesLiesInTheBurst() {
        TimeSeries rate = burst.profile().series().get(TimeSeries.Kind.ALLOCATION_RATE);
        int peak = 0;
        for (int i = 1; i < rate.size(); i++) {
            if (rate.value(i) > rate.value(peak)) {
                peak = i;
            }
        }
        long t = rate.timeNanos(peak);
        assertTrue(t + rate.bucketNanos() > burst.burstStartNanos() && t < burst.burstEndNanos());
    }

    @Test
    void burstRangeMakesBurstLeadAllocationSitesWithItsExactWeight() {
        Profile profile = burst.profile();
        long from = burst.burstStartNanos();
        long to = burst.burstEndNanos();
        List<AllocationSites.Site> top = AllocationSites.of(profile).top(ViewKind.ALLOC, AllocationSites.By.METHOD,
                from, to, 3);
        assertEquals(BURST, top.get(0).name());

        // Independently: samples in range whose leaf-most non-class frame is burst, and those with burst anywhere.
        SampleTable table = profile.samples(ViewKind.ALLOC);
        StackTable stacks = profile.stacks();
        long asSite = 0;
        long onStack = 0;
        for (int i = 0; i < table.size(); i++) {
            long t = table.timeNanos(i);
            if (t < from || t > to) {
                continue;
            }
            int s = table.stack(i);
            int d = stacks.depth(s) - 1;
            while (d >= 0 && profile.frames().kind(stacks.frame(s, d)) == FrameKind.CLASS) {
                d--;
            }
            if (d >= 0 && profile.frames().name(stacks.frame(s, d)).equals(BURST)) {
                asSite += table.weight(i);
            }
            for (int k = 0; k < stacks.depth(s); k++) {
                if (profile.frames().name(stacks.frame(s, k)).equals(BURST)) {
                    onStack += table.weight(i);
                    break;
                }
            }
        }
        assertTrue(asSite > 0);
        assertEquals(asSite, top.get(0).weight());

        // The hot-methods query over the same range agrees, by total.
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.ALLOC).withRange(from, to),
                () -> false);
        HotMethods.Method burstMethod = HotMethods.of(profile, weights).stream()
                .filter(m -> m.name().equals(BURST)).findFirst().orElseThrow();
        assertEquals(onStack, burstMethod.total());
        assertTrue(burstMethod.total() > 0.9 * weights.total(), "burst is not most of the range's allocation");
    }

    @Test
    void stackedRateAddsUpToTheTableAndPutsBurstOnTop() {
        Profile profile = burst.profile();
        long start = profile.info().startNanos();
        long end = profile.info().endNanos();
        for (AllocationSites.By by : AllocationSites.By.values()) {
            StackedRate stacked = StackedRate.compute(AllocationSites.of(profile), ViewKind.ALLOC, by, 3, start, end,
                    50_000_000L);
            double sum = 0;
            for (int b = 0; b < stacked.buckets(); b++) {
                double bucket = 0;
                for (int s = 0; s < stacked.seriesCount(); s++) {
                    bucket += stacked.rate(s, b);
                }
                assertEquals(stacked.total(b), bucket, 1e-6 * Math.max(1, bucket));
                sum += bucket;
            }
            long total = 0;
            SampleTable table = profile.samples(ViewKind.ALLOC);
            for (int i = 0; i < table.size(); i++) {
                long t = table.timeNanos(i);
                if (t >= start && t <= end) {
                    total += table.weight(i);
                }
            }
            assertEquals(total, sum * 0.05, 1e-6 * total);
            assertEquals(StackedRate.OTHER, stacked.names().get(stacked.seriesCount() - 1));
            assertEquals(by == AllocationSites.By.METHOD ? BURST : "byte[]", stacked.names().get(0));
        }
    }

    @Test
    void pausesCarryTheirThresholdAndTopMethodsBefore() {
        Spikes spikes = Spikes.find(burst.profile());
        TimeSeries gc = burst.profile().series().get(TimeSeries.Kind.GC_PAUSE);
        assertEquals(gc.size(), spikes.pauses().size());
        for (Spikes.Pause p : spikes.pauses()) {
            assertEquals(p.durationNanos() >= spikes.pauseThresholdNanos(), spikes.longPauses().contains(p));
        }
        List<Spikes.Pause> longest = spikes.longestPauses(3);
        assertTrue(longest.get(0).durationNanos() >= longest.get(longest.size() - 1).durationNanos());
        // The burst triggers the GCs, so the burst allocated most right before the longest pause.
        assertEquals(BURST, longest.get(0).topMethodsBefore().get(0).name());
    }

    @Test
    void defaultBucketsAreNiceAndAboutAHundredPerRecording() {
        assertEquals(10_000_000L, Spikes.defaultBucketNanos(100_000_000L));
        assertEquals(50_000_000L, Spikes.defaultBucketNanos(4_200_000_000L));
        assertEquals(1_000_000_000L, Spikes.defaultBucketNanos(60_000_000_000L));
    }
}
