package dev.firesight.parser;

import java.util.function.BooleanSupplier;

/**
 * How to load a recording: where progress goes, how cancellation is asked for, and the cap on the
 * decompressed size of a gzip or zip recording.
 */
public record LoadOptions(ProgressListener progress, BooleanSupplier cancelled, long maxDecompressedBytes) {
    /** Receives bytes read so far out of the total; called from the loading thread. */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total);
    }

    public static final long DEFAULT_MAX_DECOMPRESSED = 8L << 30;

    public static LoadOptions defaults() {
        return new LoadOptions((d, t) -> { }, () -> false, DEFAULT_MAX_DECOMPRESSED);
    }

    public LoadOptions withProgress(ProgressListener listener) {
        return new LoadOptions(listener, cancelled, maxDecompressedBytes);
    }

    public LoadOptions withCancel(BooleanSupplier cancel) {
        return new LoadOptions(progress, cancel, maxDecompressedBytes);
    }

    public LoadOptions withMaxDecompressedBytes(long max) {
        return new LoadOptions(progress, cancelled, max);
    }
}
