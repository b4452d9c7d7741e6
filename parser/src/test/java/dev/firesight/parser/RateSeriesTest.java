package dev.firesight.parser;

import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.StackedRate;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline's rates under a thread filter weigh exactly the samples the flame graph weighs under it: the CPU
 * samples' rate and the stacked allocation rate, on exact and bucketed samples.
 */
class RateSeriesTest {
    @Test
    void ratesOfSomeThreadsAddUpToTheirSamples() throws Exception {
        Profile exact = Recordings.open(TestRecordings.jdk17());
        Profile bucketed = Recordings.open(TestRecordings.jdk17(), LoadOptions.defaults().withSampleBudget(20_000));
        for (Profile p : new Profile[] {exact, bucketed}) {
            BitSet some = new BitSet();
            for (int t = 0; t < p.threadCount(); t += 2) {
                some.set(t);
            }
            long start = p.info().startNanos();
            long end = p.info().endNanos();
            TimeSeries all = TimeSeries.rate(p.samples(ViewKind.CPU), TimeSeries.Kind.CPU_SAMPLES, start, end, null);
            TimeSeries stored = p.series().get(TimeSeries.Kind.CPU_SAMPLES);
            assertArrayEquals(values(stored), values(all), "unfiltered: the profile's own series");

            long cpu = weight(p, ViewKind.CPU, some);
            assertTrue(cpu > 0 && cpu < weight(p, ViewKind.CPU, null), "the even threads hold part of the samples");
            assertEquals(cpu, area(TimeSeries.rate(p.samples(ViewKind.CPU), TimeSeries.Kind.CPU_SAMPLES, start, end,
                    some)), cpu * 1e-9);

            StackedRate alloc = StackedRate.compute(AllocationSites.of(p), ViewKind.ALLOC,
                    AllocationSites.By.METHOD, 5, start, end, 100_000_000L, some);
            double drawn = 0;
            for (int b = 0; b < alloc.buckets(); b++) {
                drawn += alloc.total(b) * alloc.bucketNanos() / 1e9;
            }
            long bytes = weight(p, ViewKind.ALLOC, some);
            assertEquals(bytes, drawn, bytes * 1e-9, "allocated bytes of the even threads");
        }
    }

    private static long weight(Profile p, ViewKind view, BitSet threads) {
        return StackWeights.compute(p, ProfileQuery.of(view).withThreads(threads), () -> false).total();
    }

    private static double area(TimeSeries rate) {
        double sum = 0;
        for (int i = 0; i < rate.size(); i++) {
            sum += rate.value(i) * rate.bucketNanos() / 1e9;
        }
        return sum;
    }

    private static double[] values(TimeSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.value(i);
        }
        return v;
    }
}
