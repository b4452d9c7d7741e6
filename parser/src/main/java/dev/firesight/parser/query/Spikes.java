package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The moments a user wants to look at first: windows where the allocation rate runs far above its usual
 * level, and GC pauses that were long, each with the methods that allocated the most in it (for a pause,
 * in the seconds before it).
 *
 * <p>A bucket is "hot" when its rate exceeds {@code k} times the median bucket rate and the mean rate
 * (the mean guards recordings that are mostly idle, whose median is zero). Hot buckets at most
 * {@link Options#mergeGapBuckets} apart merge into one window: allocation samples arrive in clumps, so a
 * steady burst shows gaps at fine buckets. A window counts only if one of its buckets also reaches a fifth
 * of the highest bucket rate, so start-up noise in a quiet recording is not reported as a spike.
 */
public final class Spikes {
    /** How spikes are found. */
    public record Options(double k, long bucketNanos, int mergeGapBuckets, long pauseThresholdNanos,
                          long lookbackNanos, int topMethods) {
        /** k = 3, automatic buckets (about 100 per recording), gaps of up to 3 buckets merge, pauses ≥ 2×
         *  median and ≥ 1 ms, 1 s before a pause, top 3 methods. */
        public static Options defaults() {
            return new Options(3, 0, 3, -1, 1_000_000_000L, 3);
        }

        public Options withBucketNanos(long nanos) {
            return new Options(k, nanos, mergeGapBuckets, pauseThresholdNanos, lookbackNanos, topMethods);
        }

        public Options withPauseThresholdNanos(long nanos) {
            return new Options(k, bucketNanos, mergeGapBuckets, nanos, lookbackNanos, topMethods);
        }

        public Options withLookbackNanos(long nanos) {
            return new Options(k, bucketNanos, mergeGapBuckets, pauseThresholdNanos, nanos, topMethods);
        }
    }

    /**
     * A window of high allocation rate: [{@code startNanos}, {@code endNanos}), its peak bucket, the bytes
     * allocated in it and its top allocating methods (allocation sites, see {@link AllocationSites}).
     */
    public record Window(long startNanos, long endNanos, long peakNanos, double peakRate, long bytes,
                         List<AllocationSites.Site> topMethods) {
        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    /**
     * A GC pause at {@code timeNanos} of the JVM {@code source} (an index into the profile's {@link Profile#jvms()}),
     * and the top allocating methods of that JVM's threads in [{@code lookbackFromNanos}, time].
     */
    public record Pause(long timeNanos, long durationNanos, long lookbackFromNanos,
                        List<AllocationSites.Site> topMethodsBefore, int source) {
    }

    /** How many of the longest pauses carry their top methods even when shorter than the threshold. */
    public static final int LONGEST = 5;

    /** A hot bucket reaches at least this fraction of the highest bucket rate. */
    public static final double PEAK_FRACTION = 0.2;

    private final Options options;
    private final StackedRate rate;
    private final double medianRate;
    private final double thresholdRate;
    private final List<Window> windows;
    private final long pauseThresholdNanos;
    private final List<Pause> longPauses;
    private final List<Pause> allPauses;

    private Spikes(Options options, StackedRate rate, double medianRate, double thresholdRate, List<Window> windows,
                   long pauseThresholdNanos, List<Pause> longPauses, List<Pause> allPauses) {
        this.options = options;
        this.rate = rate;
        this.medianRate = medianRate;
        this.thresholdRate = thresholdRate;
        this.windows = windows;
        this.pauseThresholdNanos = pauseThresholdNanos;
        this.longPauses = longPauses;
        this.allPauses = allPauses;
    }

    public static Spikes find(Profile profile) {
        // The timeline and the findings both ask, on the two workers at once, for a profile just read: once.
        SoftCache<Spikes> cache = profile.derived("spikes", SoftCache::new);
        return cache.get(() -> find(profile, AllocationSites.of(profile), Options.defaults()));
    }

    public static Spikes find(Profile profile, AllocationSites sites, Options options) {
        return find(profile, sites, options, null, -1);
    }

    /**
     * The spikes the timeline lists under the tab's thread filter: the allocation bursts of {@code threads}
     * (null for all) and the long GC pauses of the JVM {@code source}, or of every JVM for -1. Computed afresh:
     * off the UI thread.
     */
    public static Spikes find(Profile profile, java.util.BitSet threads, int source) {
        return find(profile, AllocationSites.of(profile), Options.defaults(), threads, source);
    }

    private static Spikes find(Profile profile, AllocationSites sites, Options options, java.util.BitSet threads,
                               int source) {
        long start = profile.time().fromNanos(); // the part loaded, when only a part was
        long end = profile.time().toNanos();
        long bucket = options.bucketNanos() > 0 ? options.bucketNanos() : defaultBucketNanos(end - start);
        StackedRate rate = null;
        double median = 0;
        double threshold = 0;
        List<Window> windows = new ArrayList<>();
        if (profile.has(ViewKind.ALLOC)) {
            rate = StackedRate.compute(sites, ViewKind.ALLOC, AllocationSites.By.METHOD, 0, start, end, bucket,
                    threads);
            median = rate.median();
            SampleTable table = profile.samples(ViewKind.ALLOC);
            long bytes = table.totalWeight();
            if (threads != null) { // those threads' bytes, summed as exactly as the whole
                bytes = 0;
                for (int i = 0, n = table.size(); i < n; i++) {
                    if (threads.get(table.thread(i))) {
                        bytes += table.weight(i);
                    }
                }
            }
            double mean = bytes * 1e9 / Math.max(1, end - start);
            threshold = Math.max(options.k() * median, mean);
            windows = windows(rate, threshold, Math.max(threshold, PEAK_FRACTION * rate.max()), options, sites, end,
                    threads);
        }
        // Each pause is its own JVM's: of a folder of replicas, the methods blamed for it are those its own threads
        // ran, not another JVM's that allocated at the same time.
        List<Pause> all = new ArrayList<>();
        int jvms = profile.jvms().size();
        for (int j = 0; j < jvms; j++) {
            TimeSeries series = source >= 0 && j != source ? null : profile.jvms().get(j).get(TimeSeries.Kind.GC_PAUSE);
            for (int i = 0; series != null && i < series.size(); i++) {
                long t = series.timeNanos(i);
                all.add(new Pause(t, Math.round(series.value(i)), Math.max(start, t - options.lookbackNanos()),
                        List.of(), j));
            }
        }
        all.sort(Comparator.comparingLong(Pause::timeNanos).thenComparingInt(Pause::source));
        long pauseThreshold = options.pauseThresholdNanos();
        if (pauseThreshold < 0 && !all.isEmpty()) {
            long[] d = all.stream().mapToLong(Pause::durationNanos).sorted().toArray();
            double m = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2.0;
            pauseThreshold = Math.max(1_000_000L, Math.round(2 * m));
        }
        List<Pause> longest = new ArrayList<>(all);
        longest.sort(Comparator.comparingLong(Pause::durationNanos).reversed());
        java.util.Set<Pause> explained = new java.util.HashSet<>(longest.subList(0, Math.min(LONGEST, longest.size())));
        boolean alloc = profile.has(ViewKind.ALLOC);
        // The threads whose allocations a pause of each JVM is blamed on: that JVM's, within the filter.
        java.util.BitSet[] own = new java.util.BitSet[jvms];
        for (int j = 0; j < jvms; j++) {
            own[j] = jvms < 2 ? threads : profile.sources().threads(j);
            if (jvms >= 2 && threads != null) {
                own[j].and(threads);
            }
        }
        List<Pause> longOnes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Pause p = all.get(i);
            boolean isLong = p.durationNanos() >= pauseThreshold;
            if (alloc && (isLong || explained.contains(p))) {
                p = new Pause(p.timeNanos(), p.durationNanos(), p.lookbackFromNanos(), sites.top(ViewKind.ALLOC,
                        AllocationSites.By.METHOD, p.lookbackFromNanos(), p.timeNanos(), own[p.source()],
                        options.topMethods()), p.source());
                all.set(i, p);
            }
            if (isLong) {
                longOnes.add(p);
            }
        }
        return new Spikes(options, rate, median, threshold, List.copyOf(windows), Math.max(0, pauseThreshold),
                List.copyOf(longOnes), List.copyOf(all));
    }

    private static List<Window> windows(StackedRate rate, double threshold, double significant, Options options,
                                        AllocationSites sites, long end, java.util.BitSet threads) {
        List<Window> out = new ArrayList<>();
        int n = rate.buckets();
        int b = 0;
        while (b < n) {
            if (!(rate.total(b) > threshold)) {
                b++;
                continue;
            }
            int first = b;
            int last = b;
            int peak = b;
            for (int c = b + 1; c < n && c <= last + 1 + options.mergeGapBuckets(); c++) {
                if (rate.total(c) > threshold) {
                    last = c;
                    if (rate.total(c) > rate.total(peak)) {
                        peak = c;
                    }
                }
            }
            b = last + 1;
            if (rate.total(peak) < significant) {
                continue;
            }
            double sum = 0;
            for (int c = first; c <= last; c++) {
                sum += rate.total(c);
            }
            long from = rate.timeNanos(first);
            long to = Math.min(end, rate.timeNanos(last + 1));
            long bytes = Math.round(sum * rate.bucketNanos() / 1e9);
            List<AllocationSites.Site> top = sites.top(ViewKind.ALLOC, AllocationSites.By.METHOD, from, to - 1,
                    threads, options.topMethods());
            out.add(new Window(from, to, rate.timeNanos(peak), rate.total(peak), bytes, top));
        }
        return out;
    }

    /** About a hundred buckets over the recording, 1, 2 or 5 times a power of ten, never under 10 ms. */
    public static long defaultBucketNanos(long durationNanos) {
        long target = Math.max(1, durationNanos / 100);
        long p = 1;
        while (p * 10 <= target) {
            p *= 10;
        }
        long nice = p;
        for (long m : new long[] {1, 2, 5, 10}) {
            if (p * m >= target) {
                nice = p * m;
                break;
            }
        }
        return Math.max(10_000_000L, nice);
    }

    public Options options() {
        return options;
    }

    /** The allocation rate the windows were found on (totals only), or null without allocation samples. */
    public StackedRate rate() {
        return rate;
    }

    public double medianRate() {
        return medianRate;
    }

    /** The rate a bucket must exceed to be part of a window, in bytes/s. */
    public double thresholdRate() {
        return thresholdRate;
    }

    /** High-allocation windows in time order. */
    public List<Window> windows() {
        return windows;
    }

    /** High-allocation windows, highest peak first. */
    public List<Window> windowsByPeak() {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingDouble(Window::peakRate).reversed().thenComparingLong(Window::startNanos));
        return sorted;
    }

    /** The duration a pause must reach to count as long. */
    public long pauseThresholdNanos() {
        return pauseThresholdNanos;
    }

    /** GC pauses at least {@link #pauseThresholdNanos()} long, in time order, with their top methods before. */
    public List<Pause> longPauses() {
        return longPauses;
    }

    /** Every GC pause in time order; long ones and the {@value #LONGEST} longest carry top methods. */
    public List<Pause> pauses() {
        return allPauses;
    }

    /** True when the recording has GC pauses at all (async-profiler's recordings have none). */
    public boolean hasPauses() {
        return !allPauses.isEmpty();
    }

    /** The {@code limit} longest pauses, longest first. */
    public List<Pause> longestPauses(int limit) {
        List<Pause> sorted = new ArrayList<>(allPauses);
        sorted.sort(Comparator.comparingLong(Pause::durationNanos).reversed().thenComparingLong(Pause::timeNanos));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
