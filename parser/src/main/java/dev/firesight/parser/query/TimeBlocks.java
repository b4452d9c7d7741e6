package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;

/**
 * The earliest and latest time of each block of {@value #BLOCK} rows of a view's sample table, so that a
 * short time range reads only the blocks it overlaps. Rows are added chunk by chunk, so a block spans little
 * time; spikes and GC pauses ask for the allocations of a second before each of hundreds of moments, and
 * reading the whole table for each took 18 s on a 944 MB recording. A range still checks every row it reads.
 */
final class TimeBlocks {
    static final int BLOCK = 1024;

    private final int[] earliest;
    private final int[] latest;

    private TimeBlocks(SampleTable table) {
        int blocks = (table.size() + BLOCK - 1) / BLOCK;
        earliest = new int[blocks];
        latest = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = b * BLOCK, end = Math.min(table.size(), i + BLOCK); i < end; i++) {
                int t = table.timeUnits(i);
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
            earliest[b] = min;
            latest[b] = max;
        }
    }

    /** The blocks of a profile's view, worked out once and kept softly with the profile. */
    static TimeBlocks of(Profile profile, ViewKind view) {
        SoftCache<TimeBlocks> cache = profile.derived("time-blocks-" + view.id(), SoftCache::new);
        return cache.get(() -> new TimeBlocks(profile.samples(view)));
    }

    int blocks() {
        return earliest.length;
    }

    /**
     * Whether block {@code b} may hold a row between {@code fromNanos} and {@code toNanos} (inclusive): false
     * only when every row of it lies outside.
     */
    boolean mayHold(int b, SampleTable table, long fromNanos, long toNanos) {
        // A row whose units are below those of fromNanos (rounded down) is earlier than it; likewise above toNanos.
        return latest[b] >= units(table, fromNanos) && earliest[b] <= units(table, toNanos);
    }

    /** {@link SampleTable#toUnits}, which subtracts the origin, safe for times near the ends of long's range. */
    private static int units(SampleTable table, long nanos) {
        if (nanos < table.originNanos() - (1L << 62)) {
            return Integer.MIN_VALUE;
        }
        if (nanos > table.originNanos() + (1L << 62)) {
            return Integer.MAX_VALUE;
        }
        return table.toUnits(nanos);
    }
}
