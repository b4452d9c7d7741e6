package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where allocations happen: for each stack of an allocation view, the <em>allocation site</em> (the
 * leaf-most frame that is not the allocated class, i.e. the method that ran {@code new}) and the
 * <em>allocated class</em> (the class frame that ends the stack, when there is one). A user reads "who
 * allocates" best from the site: hot methods by total are led by {@code Thread.run}, and by self by
 * {@code byte[]}.
 */
public final class AllocationSites {
    /** No frame of that kind on the stack. */
    public static final int NONE = -1;

    /** One method or class and the weight attributed to it. */
    public record Site(int nameId, String name, long weight) {
    }

    private final Profile profile;
    private final int[] siteOfStack;
    private final int[] classOfStack;

    private AllocationSites(Profile profile, int[] siteOfStack, int[] classOfStack) {
        this.profile = profile;
        this.siteOfStack = siteOfStack;
        this.classOfStack = classOfStack;
    }

    /**
     * The site and class of every stack of the profile, resolved once per profile (the timeline, the spikes and
     * the findings all ask for them) and kept softly.
     */
    public static AllocationSites of(Profile profile) {
        SoftCache<AllocationSites> cache = profile.derived("allocation-sites", SoftCache::new);
        return cache.get(() -> resolve(profile));
    }

    private static AllocationSites resolve(Profile profile) {
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        int n = stacks.size();
        int[] sites = new int[n];
        int[] classes = new int[n];
        for (int s = 0; s < n; s++) {
            int site = NONE;
            int cls = NONE;
            for (int node = stacks.node(s); node != StackTable.ROOT; node = stacks.parent(node)) {
                int frame = stacks.nodeFrame(node);
                if (frames.kind(frame) == FrameKind.CLASS) {
                    if (cls == NONE) {
                        cls = frames.nameId(frame);
                    }
                } else {
                    site = frames.nameId(frame);
                    break;
                }
            }
            sites[s] = site;
            classes[s] = cls;
        }
        return new AllocationSites(profile, sites, classes);
    }

    public Profile profile() {
        return profile;
    }

    /** The name id of the stack's allocating method, or {@link #NONE}. */
    public int site(int stack) {
        return siteOfStack[stack];
    }

    /** The name id of the stack's allocated class, or {@link #NONE}. */
    public int allocatedClass(int stack) {
        return classOfStack[stack];
    }

    /** The name id a stack contributes to when grouping by {@code by}. */
    public int key(int stack, By by) {
        return by == By.METHOD ? siteOfStack[stack] : classOfStack[stack];
    }

    /** What to group allocations by. */
    public enum By {
        METHOD("Allocating method"), CLASS("Allocated class");

        private final String title;

        By(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * The top {@code limit} allocation sites (or classes) of a view in [{@code fromNanos}, {@code toNanos}]
     * (both inclusive, like {@link ProfileQuery#withRange}), by weight descending then name.
     */
    public List<Site> top(ViewKind view, By by, long fromNanos, long toNanos, int limit) {
        return top(view, by, fromNanos, toNanos, null, limit);
    }

    /** As {@link #top(ViewKind, By, long, long, int)}, of the samples of {@code threads} (null for all). */
    public List<Site> top(ViewKind view, By by, long fromNanos, long toNanos, java.util.BitSet threads, int limit) {
        return top(weights(view, by, fromNanos, toNanos, threads), limit);
    }

    /** Weight per name id in a time range, of the samples of {@code threads} (null for all). */
    long[] weights(ViewKind view, By by, long fromNanos, long toNanos, java.util.BitSet threads) {
        SampleTable table = profile.samples(view);
        if (profile.isPart()) { // a part's samples are those in its time, as StackWeights counts them
            fromNanos = Math.max(fromNanos, profile.time().fromNanos());
            toNanos = Math.min(toNanos, profile.time().toNanos());
        }
        if (fromNanos <= toNanos) { // samples kept per bucket answer whole buckets
            TimeRange range = profile.snap(new TimeRange(fromNanos, toNanos));
            fromNanos = range.fromNanos();
            toNanos = range.toNanos();
        }
        long[] weights = new long[profile.frames().nameCount()];
        int[] keys = by == By.METHOD ? siteOfStack : classOfStack;
        TimeBlocks blocks = TimeBlocks.of(profile, view);
        for (int b = 0; b < blocks.blocks(); b++) {
            if (!blocks.mayHold(b, table, fromNanos, toNanos)) {
                continue;
            }
            for (int i = b * TimeBlocks.BLOCK, n = Math.min(table.size(), i + TimeBlocks.BLOCK); i < n; i++) {
                long t = table.timeNanos(i);
                if (t < fromNanos || t > toNanos || threads != null && !threads.get(table.thread(i))) {
                    continue;
                }
                int key = keys[table.stack(i)];
                if (key != NONE) {
                    weights[key] += table.weight(i);
                }
            }
        }
        return weights;
    }

    List<Site> top(long[] weights, int limit) {
        List<Site> sites = new ArrayList<>();
        for (int n = 0; n < weights.length; n++) {
            if (weights[n] > 0) {
                sites.add(new Site(n, profile.frames().nameOf(n), weights[n]));
            }
        }
        sites.sort(Comparator.comparingLong(Site::weight).reversed().thenComparing(Site::name));
        return List.copyOf(sites.subList(0, Math.min(limit, sites.size())));
    }
}
