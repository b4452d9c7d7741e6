package dev.firesight.parser;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * How to load a recording: where progress goes, how cancellation is asked for, the cap on the
 * decompressed size of a gzip or zip recording, and which views to keep (fewer views need less memory
 * when a huge recording does not fit).
 */
public record LoadOptions(ProgressListener progress, BooleanSupplier cancelled, long maxDecompressedBytes,
                          Set<ViewKind> views) {
    /** Receives bytes read so far out of the total; called from the loading thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total);
    }

    public static final long DEFAULT_MAX_DECOMPRESSED = 8L << 30;

    public static LoadOptions defaults() {
        return new LoadOptions((d, t) -> { }, () -> false, DEFAULT_MAX_DECOMPRESSED, EnumSet.allOf(ViewKind.class));
    }

    public LoadOptions withProgress(ProgressListener listener) {
        return new LoadOptions(listener, cancelled, maxDecompressedBytes, views);
    }

    public LoadOptions withCancel(BooleanSupplier cancel) {
        return new LoadOptions(progress, cancel, maxDecompressedBytes, views);
    }

    public LoadOptions withMaxDecompressedBytes(long max) {
        return new LoadOptions(progress, cancelled, max, views);
    }

    /** Keeps only these views; the others' events are skipped without being decoded. */
    public LoadOptions withViews(Set<ViewKind> keep) {
        return new LoadOptions(progress, cancelled, maxDecompressedBytes,
                keep.isEmpty() ? EnumSet.noneOf(ViewKind.class) : EnumSet.copyOf(keep));
    }
}
