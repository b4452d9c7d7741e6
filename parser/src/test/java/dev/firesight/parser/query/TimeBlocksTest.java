package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Allocation weights over a time range, which read only the blocks of rows the range overlaps, equal a
 * reading of every row: on a real multi-chunk recording, one sample per row and in buckets, for ranges
 * short and long, at the ends of the recording and beyond them.
 */
class TimeBlocksTest {

    @Test
    void aRangeReadFromItsBlocksEqualsOneReadFromEveryRow() throws Exception {
        Profile exact = Recordings.open(TestRecordings.jdk17());
        // A small sample budget makes rows per (bucket, thread, stack), in the order buckets are flushed.
        Profile bucketed = Recordings.open(TestRecordings.jdk17(), LoadOptions.defaults().withSampleBudget(20_000));
        assertTrue(bucketed.resolutionNanos() > 0, "the budget made buckets");
        int ranges = 0;
        for (Profile profile : new Profile[] {exact, bucketed}) {
            assertTrue(profile.has(ViewKind.ALLOC), "the workload allocates");
            SampleTable table = profile.samples(ViewKind.ALLOC);
            if (profile == exact) {
                // The workload runs for a fixed time, so a loaded machine records fewer rows (2,041 in one CI
                // run beside a build): two blocks are what it takes for a range to skip one.
                assertTrue(table.size() > TimeBlocks.BLOCK, "rows fill more than one block: " + table.size());
            }
            AllocationSites sites = AllocationSites.of(profile);
            long start = profile.info().startNanos();
            long duration = profile.info().durationNanos();
            Random random = new Random(13);
            for (int k = 0; k < 60; k++) {
                long from = start + (long) (random.nextDouble() * duration);
                long length = k % 3 == 0 ? 1_000_000_000L : (long) (random.nextDouble() * duration / 4);
                check(profile, sites, from, from + length);
                ranges++;
            }
            check(profile, sites, Long.MIN_VALUE, Long.MAX_VALUE);
            check(profile, sites, start - duration, start);
            check(profile, sites, start + duration, start + 2 * duration);
            check(profile, sites, start + duration / 2, start + duration / 3); // empty: ends before it starts
        }
        assertTrue(ranges > 0);
    }

    /** Every range twice: all threads, and every other thread (a thread filter, as the timeline's lanes take). */
    private static void check(Profile profile, AllocationSites sites, long from, long to) {
        java.util.BitSet evenThreads = new java.util.BitSet();
        for (int t = 0; t < profile.threadCount(); t += 2) {
            evenThreads.set(t);
        }
        for (java.util.BitSet threads : new java.util.BitSet[] {null, evenThreads}) {
            for (AllocationSites.By by : AllocationSites.By.values()) {
                assertArrayEquals(everyRow(profile, sites, by, from, to, threads),
                        sites.weights(ViewKind.ALLOC, by, from, to, threads),
                        by + " " + from + ".." + to + (threads == null ? "" : " even threads"));
            }
        }
    }

    /** The weights as a reading of every row gives them, the range snapped to buckets as the sites snap it. */
    private static long[] everyRow(Profile profile, AllocationSites sites, AllocationSites.By by, long from, long to,
                                   java.util.BitSet threads) {
        if (from <= to) {
            TimeRange range = profile.snap(new TimeRange(from, to));
            from = range.fromNanos();
            to = range.toNanos();
        }
        SampleTable table = profile.samples(ViewKind.ALLOC);
        long[] weights = new long[profile.frames().nameCount()];
        for (int i = 0; i < table.size(); i++) {
            long t = table.timeNanos(i);
            int key = sites.key(table.stack(i), by);
            if (t >= from && t <= to && key != AllocationSites.NONE
                    && (threads == null || threads.get(table.thread(i)))) {
                weights[key] += table.weight(i);
            }
        }
        return weights;
    }
}
