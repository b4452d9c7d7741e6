package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Call trees of one query over many time ranges, fast: the tree of the whole recording is built once, with
 * each stack's leaf node remembered; a range then needs only the per-stack weights of that range (one pass
 * over the samples) and a pass over the nodes, with no hashing. The result equals
 * {@link CallTreeBuilder#build} for the same query and range, children in the same order.
 *
 * <p>Used when the timeline's selection moves. Queries split per thread fall back to {@link CallTreeBuilder}.
 */
public final class RangeTrees {
    private final Profile profile;
    private final ProfileQuery query;
    private final CallTree full;
    private final int[] leafOfStack;

    private RangeTrees(Profile profile, ProfileQuery query, CallTree full, int[] leafOfStack) {
        this.profile = profile;
        this.query = query;
        this.full = full;
        this.leafOfStack = leafOfStack;
    }

    /** Builds the whole-recording tree of {@code query} (its range ignored); call off the UI thread. */
    public static RangeTrees prepare(Profile profile, ProfileQuery query, BooleanSupplier cancelled) {
        ProfileQuery all = query.withRange(Long.MIN_VALUE, Long.MAX_VALUE);
        if (query.perThread()) {
            return new RangeTrees(profile, all, null, null);
        }
        return from(CallTreeBuilder.build(profile, all, cancelled), cancelled);
    }

    /**
     * Reuses a whole-recording tree already built (its query must have no range), so showing the whole
     * recording first and then a selection builds the big tree only once.
     */
    public static RangeTrees from(CallTree full, BooleanSupplier cancelled) {
        Profile profile = full.profile();
        ProfileQuery all = full.query();
        if (all.hasRange()) {
            throw new IllegalArgumentException("the tree must cover the whole recording");
        }
        if (all.perThread()) {
            return new RangeTrees(profile, all, null, null);
        }
        ProfileQuery query = all;
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        int[] leaf = new int[stacks.size()];
        java.util.Arrays.fill(leaf, CallTree.NONE);
        StackWeights weights = StackWeights.compute(profile, all, cancelled);
        boolean reverse = query.reverse();
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            int node = CallTree.ROOT;
            int depth = stacks.depth(stack);
            for (int d = 0; d < depth && node != CallTree.NONE; d++) {
                node = full.child(node, frames.nameId(stacks.frame(stack, reverse ? depth - 1 - d : d)));
            }
            leaf[stack] = node;
        }
        return new RangeTrees(profile, all, full, leaf);
    }

    /** Whether this serves {@code query} (ignoring its range): same view, threads, filters and shape. */
    public boolean serves(ProfileQuery query) {
        return query.withRange(Long.MIN_VALUE, Long.MAX_VALUE).equals(this.query) || sameButPatterns(query);
    }

    private boolean sameButPatterns(ProfileQuery q) {
        ProfileQuery a = q.withRange(Long.MIN_VALUE, Long.MAX_VALUE);
        return a.view() == query.view() && a.reverse() == query.reverse() && a.perThread() == query.perThread()
                && java.util.Objects.equals(a.threads(), query.threads())
                && samePattern(a.include(), query.include()) && samePattern(a.exclude(), query.exclude());
    }

    private static boolean samePattern(java.util.regex.Pattern a, java.util.regex.Pattern b) {
        return a == null ? b == null : b != null && a.pattern().equals(b.pattern()) && a.flags() == b.flags();
    }

    public Profile profile() {
        return profile;
    }

    /** The whole-recording tree. */
    public CallTree full() {
        return full != null ? full : CallTreeBuilder.build(profile, query);
    }

    /** The query for a range: the prepared query with [{@code fromNanos}, {@code toNanos}]. */
    public ProfileQuery query(long fromNanos, long toNanos) {
        return query.withRange(fromNanos, toNanos);
    }

    /** The call tree of [{@code fromNanos}, {@code toNanos}], both inclusive. */
    public CallTree tree(long fromNanos, long toNanos, BooleanSupplier cancelled) {
        ProfileQuery ranged = query(fromNanos, toNanos);
        return tree(ranged, StackWeights.compute(profile, ranged, cancelled), cancelled);
    }

    /**
     * The call tree of a range from its stack weights, for callers that also need the weights (hot methods):
     * {@code weights} must come from {@link StackWeights#compute} of {@code ranged}, a {@link #query} result.
     */
    public CallTree tree(ProfileQuery ranged, StackWeights weights, BooleanSupplier cancelled) {
        if (full == null) {
            return CallTreeBuilder.build(profile, ranged, weights, cancelled);
        }
        int n = full.size();
        long[] self = new long[n];
        long[] total = new long[n];
        for (int i = 0; i < weights.size(); i++) {
            int node = leafOfStack[weights.stack(i)];
            if (node == CallTree.NONE) {
                // A stack the whole-recording pass did not see cannot happen; be exact anyway.
                return CallTreeBuilder.build(profile, ranged, weights, cancelled);
            }
            self[node] += weights.weight(i);
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("query was cancelled");
        }
        // Children always have higher ids than their parents, so one backward pass sums totals.
        for (int node = n - 1; node > CallTree.ROOT; node--) {
            total[node] += self[node];
            total[full.parent(node)] += total[node];
        }
        total[CallTree.ROOT] += self[CallTree.ROOT];
        return compact(ranged, self, total, weights.samples());
    }

    /** Keeps the nodes with weight, renumbered in the original id order, sibling order preserved. */
    private CallTree compact(ProfileQuery ranged, long[] self, long[] total, long samples) {
        int n = full.size();
        int[] newId = new int[n];
        int size = 0;
        for (int node = 0; node < n; node++) {
            newId[node] = node == CallTree.ROOT || total[node] != 0 ? size++ : CallTree.NONE;
        }
        int[] names = new int[size];
        int[] frames = new int[size];
        int[] parents = new int[size];
        int[] depths = new int[size];
        long[] selfs = new long[size];
        long[] totals = new long[size];
        int[] first = new int[size];
        int[] next = new int[size];
        for (int node = 0; node < n; node++) {
            int id = newId[node];
            if (id == CallTree.NONE) {
                continue;
            }
            names[id] = full.nameId(node);
            frames[id] = full.frame(node);
            parents[id] = node == CallTree.ROOT ? CallTree.NONE : newId[full.parent(node)];
            depths[id] = full.depth(node);
            selfs[id] = self[node];
            totals[id] = total[node];
            int prev = CallTree.NONE;
            first[id] = CallTree.NONE;
            for (int c = full.firstChild(node); c != CallTree.NONE; c = full.nextSibling(c)) {
                int cid = newId[c];
                if (cid == CallTree.NONE) {
                    continue;
                }
                if (prev == CallTree.NONE) {
                    first[id] = cid;
                } else {
                    next[prev] = cid;
                }
                prev = cid;
            }
            if (prev != CallTree.NONE) {
                next[prev] = CallTree.NONE;
            }
        }
        next[0] = CallTree.NONE;
        return new CallTree(profile, ranged, names, frames, parents, first, next, depths, selfs, totals, size,
                samples);
    }
}
