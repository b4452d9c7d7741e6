package dev.firesight.parser;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * How to load a recording: where progress goes, how cancellation is asked for, the cap on the
 * decompressed size of a gzip or zip recording, and how much detail to keep. When a huge recording
 * does not fit in memory, less detail does: fewer views, only part of its time, or shorter stacks.
 *
 * @param views         the views to keep; the others' events are skipped without being decoded
 * @param timeWindow    keep only the samples in this part of the recording's time (null = all of it)
 * @param maxStackDepth keep at most this many frames of each stack, those nearest the leaf (0 = all)
 * @param memoryBudget  the most heap the loaded samples and stacks may take; past it the load stops with a
 *                      {@link RecordingException#tooLarge()} error instead of running the JVM out of memory
 *                      (0 = {@value #DEFAULT_BUDGET_PERCENT}% of the JVM's maximum heap)
 * @param sampleBudget  the most heap the sample tables may take one row per sample; past it samples are kept
 *                      per time bucket, thread and stack instead, every total still exact, and the buckets
 *                      widen (doubling) as reading goes on to stay within it (0 = a
 *                      {@value #DEFAULT_SAMPLE_SHARE_PERCENT}% share of the memory budget)
 */
public record LoadOptions(ProgressListener progress, BooleanSupplier cancelled, long maxDecompressedBytes,
                          Set<ViewKind> views, TimeWindow timeWindow, int maxStackDepth, long memoryBudget,
                          long sampleBudget) {
    /** Receives bytes read so far out of the total; called from the loading thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total);
    }

    public static final long DEFAULT_MAX_DECOMPRESSED = 8L << 30;
    /**
     * The default budget's share of the maximum heap. The profile is most of what the heap holds while a
     * recording loads; the rest is left for the queries and the window.
     */
    public static final int DEFAULT_BUDGET_PERCENT = 85;

    public static LoadOptions defaults() {
        return new LoadOptions((d, t) -> { }, () -> false, DEFAULT_MAX_DECOMPRESSED, EnumSet.allOf(ViewKind.class),
                null, 0, 0, 0);
    }

    public LoadOptions withProgress(ProgressListener listener) {
        return new LoadOptions(listener, cancelled, maxDecompressedBytes, views, timeWindow,
                maxStackDepth, memoryBudget, sampleBudget);
    }

    public LoadOptions withCancel(BooleanSupplier cancel) {
        return new LoadOptions(progress, cancel, maxDecompressedBytes, views, timeWindow,
                maxStackDepth, memoryBudget, sampleBudget);
    }

    public LoadOptions withMaxDecompressedBytes(long max) {
        return new LoadOptions(progress, cancelled, max, views, timeWindow, maxStackDepth, memoryBudget,
                sampleBudget);
    }

    /** Keeps only these views; the others' events are skipped without being decoded. */
    public LoadOptions withViews(Set<ViewKind> keep) {
        return new LoadOptions(progress, cancelled, maxDecompressedBytes,
                keep.isEmpty() ? EnumSet.noneOf(ViewKind.class) : EnumSet.copyOf(keep), timeWindow,
                maxStackDepth, memoryBudget, sampleBudget);
    }

    /**
     * Keeps only the samples in part of the recording's span, given as fractions of it (0.75 to 1 is its
     * last quarter). The span is read from the chunk headers before the events.
     */
    public LoadOptions withTimeFraction(double from, double to) {
        return withTimeWindow(TimeWindow.fraction(from, to));
    }

    /** Keeps only the samples in part of the recording's time, worked out from its span (see {@link TimeWindow}). */
    public LoadOptions withTimeWindow(TimeWindow window) {
        return new LoadOptions(progress, cancelled, maxDecompressedBytes, views, window, maxStackDepth, memoryBudget,
                sampleBudget);
    }

    /** Keeps at most {@code depth} frames of each stack, those nearest the leaf (0 keeps all). */
    public LoadOptions withMaxStackDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("stack depth " + depth);
        }
        return new LoadOptions(progress, cancelled, maxDecompressedBytes, views, timeWindow, depth,
                memoryBudget, sampleBudget);
    }

    /** Stops the load with a {@link RecordingException#tooLarge()} error once samples and stacks pass this. */
    public LoadOptions withMemoryBudget(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory budget " + bytes);
        }
        return new LoadOptions(progress, cancelled, maxDecompressedBytes, views, timeWindow,
                maxStackDepth, bytes, sampleBudget);
    }

    /**
     * Keeps samples per time bucket once the sample tables would pass this many bytes (see the record's
     * {@code sampleBudget}); {@link Long#MAX_VALUE} keeps every sample on its own.
     */
    public LoadOptions withSampleBudget(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("sample budget " + bytes);
        }
        return new LoadOptions(progress, cancelled, maxDecompressedBytes, views, timeWindow, maxStackDepth,
                memoryBudget, bytes);
    }

    /**
     * The default sample budget's share of the memory budget. Samples are most of a profile, and rebucketing
     * needs room beside them; a quarter leaves that room and the stacks theirs, so a recording of any length
     * opens in -Xmx1g.
     */
    public static final int DEFAULT_SAMPLE_SHARE_PERCENT = 25;

    /** The sample budget in bytes, with the default worked out from the memory budget. */
    public long effectiveSampleBudget() {
        return sampleBudget > 0 ? sampleBudget : effectiveMemoryBudget() / 100 * DEFAULT_SAMPLE_SHARE_PERCENT;
    }

    /** The budget in bytes, with the default worked out from this JVM's maximum heap. */
    public long effectiveMemoryBudget() {
        return memoryBudget > 0 ? memoryBudget : Runtime.getRuntime().maxMemory() / 100 * DEFAULT_BUDGET_PERCENT;
    }

    /** True when only part of the recording's span is asked for. */
    public boolean partOfTime() {
        return timeWindow != null;
    }
}
