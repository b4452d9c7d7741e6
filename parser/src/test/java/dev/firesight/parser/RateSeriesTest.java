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
            long start = p.info().startNanos();
            long end = p.info().endNanos();
            TimeSeries all = TimeSeries.rate(p.samples(ViewKind.CPU), TimeSeries.Kind.CPU_SAMPLES, start, end, null);
            TimeSeries stored = p.series().get(TimeSeries.Kind.CPU_SAMPLES);
            assertArrayEquals(values(stored), values(all), "unfiltered: the profile's own series");

            // One thread that has samples of the view, and every other: each side adds up to its own samples,
            // and the two to the whole, whichever threads the workload's run happened to sample.
            for (ViewKind view : new ViewKind[] {ViewKind.CPU, ViewKind.ALLOC}) {
                BitSet one = new BitSet();
                one.set(p.samples(view).thread(0));
                BitSet rest = new BitSet();
                rest.set(0, p.threadCount());
                rest.andNot(one);
                double sum = 0;
                for (BitSet threads : new BitSet[] {one, rest}) {
                    long weight = weight(p, view, threads);
                    double drawn = view == ViewKind.CPU
                            ? area(TimeSeries.rate(p.samples(view), TimeSeries.Kind.CPU_SAMPLES, start, end, threads))
                            : stackedArea(StackedRate.compute(AllocationSites.of(p), view, AllocationSites.By.METHOD, 5,
                                    start, end, 100_000_000L, threads));
                    assertEquals(weight, drawn, Math.max(1e-6, weight * 1e-9), view + " of " + threads);
                    sum += drawn;
                }
                assertTrue(weight(p, view, one) > 0, view + ": the first sample's thread has samples");
                long whole = weight(p, view, null);
                assertEquals(whole, sum, whole * 1e-9, view + ": the two sides make the whole");
            }
        }
    }

    private static double stackedArea(StackedRate rate) {
        double sum = 0;
        for (int b = 0; b < rate.buckets(); b++) {
            sum += rate.total(b) * rate.bucketNanos() / 1e9;
        }
        return sum;
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
