package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The allocation rate per time bucket, split into the top N allocating methods (or allocated classes)
 * of the whole recording plus "other": what the timeline stacks. Rates are in the view's unit per
 * second (bytes/s for {@link ViewKind#ALLOC}). Series 0 is the largest; the last is "other".
 */
public final class StackedRate {
    /** The name of the series that holds everything outside the top N. */
    public static final String OTHER = "other";

    private final AllocationSites.By by;
    private final long startNanos;
    private final long bucketNanos;
    private final List<String> names;
    private final double[][] rates;
    private final double[] totals;

    private StackedRate(AllocationSites.By by, long startNanos, long bucketNanos, List<String> names,
                        double[][] rates, double[] totals) {
        this.by = by;
        this.startNanos = startNanos;
        this.bucketNanos = bucketNanos;
        this.names = names;
        this.rates = rates;
        this.totals = totals;
    }

    /**
     * Splits the {@code view}'s samples over {@code [startNanos, endNanos]} into buckets of
     * {@code bucketNanos}, by the top {@code topN} keys of the whole range.
     */
    public static StackedRate compute(AllocationSites sites, ViewKind view, AllocationSites.By by, int topN,
                                      long startNanos, long endNanos, long bucketNanos) {
        return compute(sites, view, by, topN, startNanos, endNanos, bucketNanos, null);
    }

    /**
     * As {@link #compute(AllocationSites, ViewKind, AllocationSites.By, int, long, long, long)}, of the samples of
     * {@code threads} (null for all): the timeline's lane under the tab's thread or JVM filter.
     */
    public static StackedRate compute(AllocationSites sites, ViewKind view, AllocationSites.By by, int topN,
                                      long startNanos, long endNanos, long bucketNanos, java.util.BitSet threads) {
        Profile profile = sites.profile();
        SampleTable table = profile.samples(view);
        bucketNanos = profile.seriesBucketNanos(bucketNanos); // never finer than the samples' buckets
        startNanos = profile.snap(new TimeRange(startNanos, Math.max(startNanos, endNanos))).fromNanos();
        int buckets = (int) Math.max(1, Math.min(1_000_000, (endNanos - startNanos) / bucketNanos + 1));
        List<AllocationSites.Site> top = sites.top(view, by, startNanos, endNanos, threads, topN);
        int[] seriesOfName = new int[profile.frames().nameCount()];
        java.util.Arrays.fill(seriesOfName, top.size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            seriesOfName[top.get(i).nameId()] = i;
            names.add(top.get(i).name());
        }
        names.add(OTHER);
        double[][] rates = new double[names.size()][buckets];
        double[] totals = new double[buckets];
        // allocation samples are spread over the time since their thread's previous one (AllocationSpread)
        dev.firesight.parser.AllocationSpread spread = view == ViewKind.ALLOC || view == ViewKind.ALLOC_COUNT
                ? dev.firesight.parser.AllocationSpread.of(profile) : null;
        for (int i = 0, n = table.size(); i < n; i++) {
            long t = table.timeNanos(i);
            if (t < startNanos || t > endNanos || threads != null && !threads.get(table.thread(i))) {
                continue;
            }
            long over = spread == null ? 0 : spread.spreadNanos(i);
            int key = sites.key(table.stack(i), by);
            int series = key == AllocationSites.NONE ? top.size() : seriesOfName[key];
            dev.firesight.parser.AllocationSpread.add(rates[series], totals, startNanos, bucketNanos, t, over,
                    table.weight(i));
        }
        double perSecond = 1e9 / bucketNanos;
        for (int b = 0; b < buckets; b++) {
            totals[b] *= perSecond;
            for (double[] r : rates) {
                r[b] *= perSecond;
            }
        }
        return new StackedRate(by, startNanos, bucketNanos, List.copyOf(names), rates, totals);
    }

    public AllocationSites.By by() {
        return by;
    }

    public long startNanos() {
        return startNanos;
    }

    public long bucketNanos() {
        return bucketNanos;
    }

    public int buckets() {
        return totals.length;
    }

    /** The start time of a bucket. */
    public long timeNanos(int bucket) {
        return startNanos + bucket * bucketNanos;
    }

    /** The number of stacked series, "other" included. */
    public int seriesCount() {
        return names.size();
    }

    /** Series names: top methods or classes, then {@link #OTHER}. */
    public List<String> names() {
        return names;
    }

    public double rate(int series, int bucket) {
        return rates[series][bucket];
    }

    /** The sum over all series of a bucket. */
    public double total(int bucket) {
        return totals[bucket];
    }

    public double max() {
        double max = 0;
        for (double t : totals) {
            max = Math.max(max, t);
        }
        return max;
    }

    /** The median bucket total. */
    public double median() {
        double[] sorted = totals.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The bucket holding a time, clamped to the buckets there are. */
    public int bucketOf(long nanos) {
        return (int) Math.max(0, Math.min(buckets() - 1, Math.floorDiv(nanos - startNanos, bucketNanos)));
    }
}
