package dev.firesight.parser;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thread allocating at a steady rate, recorded with the JDK's throttled allocation samples: some samples weigh
 * hundreds of megabytes, what the thread allocated since its previous sample. Its allocation rate is steady too,
 * without the peaks the samples' instants alone would draw.
 */
class AllocationSpreadTest {

    @Test
    void aSteadyAllocatorHasASteadyRate() throws Exception {
        Profile profile = Recordings.open(TestRecordings.lateStart(17));
        SampleTable alloc = profile.samples(ViewKind.ALLOC);
        TimeSeries rate = profile.series().get(TimeSeries.Kind.ALLOCATION_RATE);
        long start = profile.info().startNanos();
        long end = profile.info().endNanos();
        // the middle of the recording, away from its first and last samples' edges
        double mean = (double) alloc.totalWeight() / ((end - start) / 1e9);
        double peak = 0;
        double[] instants = new double[rate.size()];
        for (int i = 0; i < alloc.size(); i++) {
            int b = (int) Math.max(0, Math.min(rate.size() - 1, (alloc.timeNanos(i) - rate.timeNanos(0)) / rate.bucketNanos()));
            instants[b] += alloc.weight(i) * 1e9 / rate.bucketNanos();
        }
        double instantPeak = 0;
        for (int b = rate.size() / 10; b < rate.size() * 9 / 10; b++) {
            peak = Math.max(peak, rate.value(b));
            instantPeak = Math.max(instantPeak, instants[b]);
        }
        assertTrue(instantPeak > 5 * mean, "the premise: samples at their instants peak at " + instantPeak
                + " bytes/s against a mean of " + mean);
        assertTrue(peak < 3 * mean, "spread, the peak is " + peak + " bytes/s against a mean of " + mean);
        double sum = 0;
        for (int b = 0; b < rate.size(); b++) {
            sum += rate.value(b) * rate.bucketNanos() / 1e9;
        }
        // what is spread before the first bucket is left out: the first samples' gaps start before the recording
        assertTrue(sum <= alloc.totalWeight() * 1.0001 && sum > 0.95 * alloc.totalWeight(), sum + " of " + alloc.totalWeight());
    }

    @Test
    void aSpreadWeightLandsInTheBucketsItCovers() {
        double[] sums = new double[4];
        double[] totals = new double[4];
        // 90 bytes over (5, 35] in buckets of 10 from 0: a sixth in [0,10), a third in each of the next two, a sixth last
        AllocationSpread.add(sums, totals, 0, 10, 35, 30, 90);
        assertEquals(15, sums[0], 1e-9);
        assertEquals(30, sums[1], 1e-9);
        assertEquals(30, sums[2], 1e-9);
        assertEquals(15, sums[3], 1e-9);
        assertEquals(90, totals[0] + totals[1] + totals[2] + totals[3], 1e-9);
        AllocationSpread.add(sums, null, 0, 10, 12, 0, 7);
        assertEquals(37, sums[1], 1e-9, "an instant lands in its bucket");
    }
}
