package dev.firesight.app.timeline;

import dev.firesight.parser.query.ThreadActivity;

import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.MemoryBudget;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.StackedRate;
import dev.firesight.parser.query.TimeRange;

import java.util.BitSet;

/**
 * Everything the timeline draws, computed once from a profile off the UI thread: the allocation rate
 * stacked by top methods and by top classes, heap after GC, GC pauses, CPU, per-thread activity, and the
 * spikes. A lane's data is null when the recording has none.
 */
public final class TimelineModel {
    /** How many methods or classes the allocation lane stacks before "other". */
    public static final int STACKED_TOP = 5;

    private final Profile profile;
    private final TimeRange full;
    private final Spikes spikes;
    /** The JVM whose pauses the spikes list, or -1 for every JVM. */
    private final int spikeSource;
    private final StackedRate byMethod;
    private final StackedRate byClass;
    private final TimeSeries heapAfterGc;
    private final TimeSeries gcPauses;
    private final TimeSeries cpuSamples;
    private final TimeSeries jvmCpuLoad;
    private final TimeSeries machineCpuLoad;
    private final ThreadActivity threads;
    private final ThreadActivity sources;
    private final MemoryBudget memory;
    /** The JVM whose heap, memory and CPU load the lanes draw, when the profile has several; else null. */
    private final String jvm;
    /** {@link #jvm} without why it was picked, for the CPU lane: nearness to a memory limit says nothing there. */
    private final String jvmName;
    /** What the thread filter shows, for the rates' lane titles (see {@link #filterLabel()}). */
    private final String filterLabel;

    /** The threads the allocation and CPU-sample lanes draw, or null for all. */
    private final BitSet threadFilter;

    private TimelineModel(Profile profile, BitSet threadFilter) {
        this.threadFilter = threadFilter;
        int source = profile.sources().owner(threadFilter);
        this.profile = profile;
        long start = profile.time().fromNanos(); // the part loaded, when only a part was
        long end = Math.max(start + 1, profile.time().toNanos());
        // One JVM of several shows its own hours: replicas' dumps of different days made its data a sliver
        // between hatched stretches where it recorded nothing.
        dev.firesight.parser.Sources.Span own = profile.jvms().size() > 1 ? profile.sources().span(source) : null;
        if (own != null && own.fromNanos() < own.toNanos()) {
            start = Math.max(start, own.fromNanos());
            end = Math.max(start + 1, Math.min(end, own.toNanos()));
        }
        this.full = new TimeRange(start, end);
        AllocationSites sites = AllocationSites.of(profile);
        long bucket = displayBucketNanos(end - start);
        boolean alloc = profile.has(ViewKind.ALLOC);
        // The rates follow the tab's thread filter (one JVM, or threads), as the flame graph does.
        this.byMethod = alloc ? StackedRate.compute(sites, ViewKind.ALLOC, AllocationSites.By.METHOD, STACKED_TOP,
                start, end, bucket, threadFilter) : null;
        this.byClass = alloc ? StackedRate.compute(sites, ViewKind.ALLOC, AllocationSites.By.CLASS, STACKED_TOP,
                start, end, bucket, threadFilter) : null;
        // A JVM's heap, pauses, memory and CPU load are its own: of several, the one chosen, else the one
        // whose memory came nearest its limit, named on the lanes.
        int shownIndex = source >= 0 && source < profile.jvms().size() ? source : MemoryBudget.nearestLimit(profile);
        JvmSeries shown = profile.jvms().get(shownIndex);
        // With every JVM shown, the lanes say why this one: the JVM chooser picks another.
        this.jvmName = profile.jvms().size() < 2 ? null : profile.sources().shortName(shownIndex);
        this.jvm = jvmName == null ? null : jvmName + (source < 0 ? ", nearest its limit" : "");
        this.heapAfterGc = shown.get(TimeSeries.Kind.HEAP_AFTER_GC);
        this.gcPauses = shown.get(TimeSeries.Kind.GC_PAUSE);
        this.cpuSamples = threadFilter == null ? nonEmpty(profile, TimeSeries.Kind.CPU_SAMPLES)
                : TimeSeries.rate(profile.samples(ViewKind.CPU), TimeSeries.Kind.CPU_SAMPLES, start, end, threadFilter);
        this.jvmCpuLoad = shown.get(TimeSeries.Kind.JVM_CPU_LOAD);
        this.machineCpuLoad = shown.get(TimeSeries.Kind.MACHINE_CPU_LOAD);
        ThreadActivity activity = ThreadActivity.compute(profile, start, end, bucket);
        this.threads = activity.rows().isEmpty() ? null : activity;
        this.sources = threads != null && profile.sources().count() > 1 ? activity.bySource(profile.sources()) : null;
        this.memory = MemoryBudget.of(shown);
        this.filterLabel = filterLabel(profile, threadFilter, source, jvm);
        // The spikes listed follow the filter too: those threads' bursts, and their JVM's long pauses.
        this.spikes = threadFilter == null ? Spikes.find(profile) : Spikes.find(profile, threadFilter, source);
        this.spikeSource = source;
    }

    /** Computes the model; call it off the UI thread (it passes over every sample a few times). */
    public static TimelineModel of(Profile profile) {
        return of(profile, null);
    }

    /**
     * The model under the tab's thread filter ({@code threads}, null for all): the allocation and CPU-sample
     * lanes draw those threads' samples; the heap, memory and CPU-load lanes draw their JVM when they are all of
     * one, else the one nearest running out. Call it off the UI thread.
     */
    public static TimelineModel of(Profile profile, BitSet threads) {
        return new TimelineModel(profile, threads);
    }

    /** The thread filter the rates were drawn under, or null for all threads. */
    public BitSet threadFilter() {
        return threadFilter;
    }

    /**
     * What the thread filter shows, for the rates' lane titles: the JVM's name when it is all of one JVM's
     * threads (the JVM chooser), else "3 threads"; null without a filter.
     */
    public String filterLabel() {
        return filterLabel;
    }

    /** Worked out once with the model: the lanes ask for it on every paint. */
    private static String filterLabel(Profile profile, BitSet threadFilter, int source, String jvm) {
        if (threadFilter == null) {
            return null;
        }
        if (source >= 0 && threadFilter.equals(profile.sources().threads(source))) {
            return jvm;
        }
        int n = threadFilter.cardinality();
        return n + (n == 1 ? " thread" : " threads");
    }

    /**
     * The JVM the heap, memory and CPU lanes draw, shortly named, when the profile has several, and with every JVM
     * shown, why this one (", nearest its limit"); null with one JVM.
     */
    public String jvm() {
        return jvm;
    }

    /** The same JVM's short name alone, or null with one JVM. */
    public String jvmName() {
        return jvmName;
    }

    /** About 300 buckets over the recording, never under 10 ms. */
    static long displayBucketNanos(long durationNanos) {
        return Spikes.defaultBucketNanos(durationNanos / 3);
    }

    private static TimeSeries nonEmpty(Profile profile, TimeSeries.Kind kind) {
        TimeSeries s = profile.series().get(kind);
        return s == null || s.size() == 0 ? null : s;
    }

    public Profile profile() {
        return profile;
    }

    /** The whole recording. */
    public TimeRange full() {
        return full;
    }

    /**
     * Whose GC pauses the spike list has, for its header: the JVM's short name when one of several is shown,
     * "2 JVMs" when all of several are, null for a recording of one JVM.
     */
    public String spikeJvms() {
        int count = profile.jvms().size();
        return count < 2 ? null : spikeSource >= 0 ? profile.sources().shortName(spikeSource) : count + " JVMs";
    }

    /** The JVM whose GC pauses the spike list has, or -1 for every JVM's. */
    public int spikeSource() {
        return spikeSource;
    }

    public Spikes spikes() {
        return spikes;
    }

    /** The allocation rate stacked by the given grouping, or null without allocation samples. */
    public StackedRate allocationRate(AllocationSites.By by) {
        return by == AllocationSites.By.METHOD ? byMethod : byClass;
    }

    public boolean hasAllocation() {
        return byMethod != null;
    }

    public TimeSeries heapAfterGc() {
        return heapAfterGc;
    }

    public TimeSeries gcPauses() {
        return gcPauses;
    }

    public boolean hasHeap() {
        return heapAfterGc != null || gcPauses != null;
    }

    public TimeSeries cpuSamples() {
        return cpuSamples;
    }

    public TimeSeries jvmCpuLoad() {
        return jvmCpuLoad;
    }

    public TimeSeries machineCpuLoad() {
        return machineCpuLoad;
    }

    public boolean hasCpu() {
        return cpuSamples != null || jvmCpuLoad != null || machineCpuLoad != null;
    }

    /** Which memory the JVM used against which limit, and its trends; empty when nothing was recorded. */
    public MemoryBudget memory() {
        return memory;
    }

    /** Per-thread activity, or null when no sample names a thread. */
    public ThreadActivity threads() {
        return threads;
    }

    /** Activity per source (JVM), or null when the recording comes from one JVM. */
    public ThreadActivity sources() {
        return sources;
    }

    /** The stretches no recording covers (between files made apart), in time order. */
    public java.util.List<dev.firesight.parser.Sources.Span> gaps() {
        return profile.sources().gaps();
    }

    /** The bucket of the stacked allocation rate that holds the highest total, or -1. */
    public int peakAllocationBucket() {
        if (byMethod == null) {
            return -1;
        }
        int peak = 0;
        for (int b = 1; b < byMethod.buckets(); b++) {
            if (byMethod.total(b) > byMethod.total(peak)) {
                peak = b;
            }
        }
        return peak;
    }
}
