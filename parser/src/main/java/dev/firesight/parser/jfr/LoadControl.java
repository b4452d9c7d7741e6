package dev.firesight.parser.jfr;

import dev.firesight.parser.LoadOptions;

import java.util.concurrent.CancellationException;

/** Progress reporting and cancellation for one load, checked by the reader every few thousand events. */
final class LoadControl {
    private final LoadOptions options;
    private final long totalBytes;
    private final long budget;
    private final long sampleBudget;
    /** Bytes of the files read before the current one, when a load reads several. */
    private long doneBefore;
    /** Bytes read so far, as last reported. */
    private long done;
    /** Where partial profiles go, or null. */
    private final dev.firesight.parser.PartialProfiles partials;


    LoadControl(LoadOptions options, long totalBytes) {
        this(options, totalBytes, null);
    }

    /** @param partials where partial profiles go while reading, or null for none */
    LoadControl(LoadOptions options, long totalBytes, dev.firesight.parser.PartialProfiles partials) {
        this.options = options;
        this.totalBytes = totalBytes;
        this.budget = options.effectiveMemoryBudget();
        this.sampleBudget = options.effectiveSampleBudget();
        this.partials = partials;
    }

    /** True when the samples held (in tables and a chunk's buckets) have passed the sample budget. */
    boolean overSampleBudget(ProfileBuilder builder) {
        return builder.sampleUsedBytes() + builder.pendingBytes > sampleBudget;
    }

    /** The most heap bytes the samples may take before their buckets get wider. */
    long sampleBudget() {
        return sampleBudget;
    }

    /** Stops the load when what it holds has passed the memory budget. */
    void checkBudget(ProfileBuilder builder) {
        if (builder.retainedBytes() > budget) {
            throw new MemoryBudgetExceeded(budget);
        }
        if (HeapPressure.high()) {
            throw new MemoryBudgetExceeded(-1);
        }
    }

    void checkCancelled() {
        if (options.cancelled().getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("loading was cancelled");
        }
    }

    boolean wants(dev.firesight.parser.ViewKind view) {
        return options.views().contains(view);
    }

    void progress(long bytesDone) {
        done = Math.min(doneBefore + bytesDone, totalBytes);
        options.progress().progress(done, totalBytes);
    }

    /** True when a partial profile is wanted now (see {@link dev.firesight.parser.PartialProfiles#wanted}). */
    boolean partialWanted() {
        return partials != null && partials.wanted();
    }

    /** True when this load makes partial profiles at all, so reading ahead for them can pay. */
    boolean makesPartials() {
        return partials != null;
    }

    void partial(dev.firesight.parser.Profile profile) {
        partials.partial(profile, done, totalBytes);
    }

    /** The next file of a load of several starts: progress in it counts after those read before. */
    void nextFile(long previousFileBytes) {
        doneBefore += previousFileBytes;
    }
}
