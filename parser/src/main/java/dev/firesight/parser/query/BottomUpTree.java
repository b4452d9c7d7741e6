package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The bottom-up (reversed) call tree built only where it can be seen. Deep, varied stacks give a bottom-up
 * tree of millions of nodes (9 million for a 238 MB async-profiler recording of javac), nearly all of them far
 * narrower than a pixel, so the window never builds it whole: a node's callers are found from the stacks
 * through it only when the node is wide enough to be drawn with them (or lies on the zoom path), and a node
 * too narrow is kept as a leaf with its exact self and total and its callers left unbuilt
 * ({@link CallTree#notBuilt}). A flame graph never draws below a frame narrower than half a pixel, so up to
 * {@link #WIDEST_PIXELS} it draws exactly what it would from the whole tree; zooming into a frame whose callers
 * were left unbuilt asks for a new tree focused there ({@link CallTree#detailedUnder}).
 *
 * <p>Each stack is followed by a cursor into the profile's prefix tree of stacks, from its leaf towards its
 * root, one frame per level; a node's stacks sit together in one range of an order array, split among its
 * children by a counting sort. The work is the number of (stack, level) steps inside built nodes, not the
 * size of the whole tree.
 */
final class BottomUpTree {
    /** The widest flame graph the on-demand tree draws exactly: frames narrower than half a pixel are not drawn. */
    static final int WIDEST_PIXELS = 8192;
    /** The narrowest node whose callers are built, as a fraction of the zoomed node's total. */
    static final double MIN_FRACTION = 0.5 / WIDEST_PIXELS;

    private static final int CHECK_EVERY = 1 << 14;

    private final StackTable stacks;
    private final FrameTable frames;
    private final StackWeights weights;
    private final int[] focusPath;
    private final double minFraction;
    private final int maxDepth;
    private final BooleanSupplier cancelled;
    private final TreeNodes nodes;
    private final int[] cursor;
    private final int[] order;
    private int[] scratch;
    private int[] childOf;
    private boolean[] expanded;
    private int steps;

    private BottomUpTree(Profile profile, StackWeights weights, int[] focusPath, double minFraction, int maxDepth,
                         BooleanSupplier cancelled) {
        this.stacks = profile.stacks();
        this.frames = profile.frames();
        this.weights = weights;
        this.focusPath = focusPath == null ? new int[0] : focusPath.clone();
        this.minFraction = minFraction;
        this.maxDepth = maxDepth;
        this.cancelled = cancelled;
        int n = weights.size();
        this.nodes = new TreeNodes(Math.max(1024, n / 4), 2);
        this.cursor = new int[n];
        this.order = new int[n];
        this.scratch = new int[Math.max(16, n)];
        this.childOf = new int[Math.max(16, n)];
        this.expanded = new boolean[1024];
    }

    /**
     * The reversed tree of {@code weights} (a query that is not split per thread), built where it is visible.
     *
     * @param focusPath   name ids from the root to the zoomed node: the nodes on it are always built, and below
     *                    it callers are built down to {@code minFraction} of its total; elsewhere down to
     *                    {@code minFraction} of the root's total
     * @param minFraction the narrowest node whose callers are built, as a fraction of the zoomed node (0: all)
     * @param maxDepth    nodes this deep or deeper (the root is depth 0) are leaves, unless on the focus path: 1
     *                    builds the first level only
     */
    static CallTree build(Profile profile, ProfileQuery query, StackWeights weights, int[] focusPath,
                          double minFraction, int maxDepth, BooleanSupplier cancelled) {
        if (query.perThread()) {
            throw new IllegalArgumentException("a tree split per thread is built whole");
        }
        BottomUpTree b = new BottomUpTree(profile, weights, focusPath, minFraction, maxDepth, cancelled);
        return b.run(profile, query);
    }

    private CallTree run(Profile profile, ProfileQuery query) {
        int n = weights.size();
        long all = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            cursor[i] = stacks.node(weights.stack(i));
            all += weights.weight(i);
        }
        nodes.columns[1][CallTree.ROOT] = all;
        long general = threshold(all);
        int focusNode = focusPath.length == 0 ? CallTree.ROOT : CallTree.NONE;
        long focusThreshold = general;
        // Depth-first, by explicit stack: node, its range of the order array, and how it stands to the focus
        // (0: elsewhere, 1: on the focus path above the focused node, 2: the focused node or below it).
        int[] work = new int[64];
        long[] thresholds = new long[16];
        int top = 0;
        work[0] = CallTree.ROOT;
        work[1] = 0;
        work[2] = n;
        work[3] = focusPath.length == 0 ? 2 : 1;
        thresholds[0] = general;
        top = 1;
        while (top > 0) {
            top--;
            int node = work[4 * top];
            int from = work[4 * top + 1];
            int to = work[4 * top + 2];
            int place = work[4 * top + 3];
            long childThreshold = thresholds[top];
            int firstChild = nodes.size;
            int end = split(node, from, to);
            markExpanded(node);
            int depth = nodes.depths[node];
            // Children's ranges follow one another in creation order; push them so the first is built first.
            int childFrom = end;
            for (int c = nodes.size - 1; c >= firstChild; c--) {
                childFrom -= countOf(c, firstChild);
                int childPlace = 0;
                long threshold = general;
                if (place == 2) {
                    childPlace = 2;
                    threshold = childThreshold;
                } else if (place == 1 && focusPath[depth] == nodes.names[c]) {
                    childPlace = depth + 1 == focusPath.length ? 2 : 1;
                    if (childPlace == 2) {
                        focusNode = c;
                        focusThreshold = threshold(nodes.columns[1][c]);
                        threshold = focusThreshold;
                    }
                }
                boolean build = childPlace == 1 || (nodes.depths[c] < maxDepth && nodes.columns[1][c] >= threshold);
                if (!build) {
                    selfOf(c, childFrom, childFrom + countOf(c, firstChild));
                    continue;
                }
                if (4 * top + 4 > work.length) {
                    work = Arrays.copyOf(work, work.length * 2);
                    thresholds = Arrays.copyOf(thresholds, thresholds.length * 2);
                }
                work[4 * top] = c;
                work[4 * top + 1] = childFrom;
                work[4 * top + 2] = childFrom + countOf(c, firstChild);
                work[4 * top + 3] = childPlace;
                thresholds[top] = threshold;
                top++;
            }
        }
        return freeze(profile, query, new CallTree.Pruning(weights, focusNode, focusThreshold, general,
                minFraction, maxDepth, Arrays.copyOf(expanded, nodes.size)));
    }

    private long threshold(long total) {
        return (long) Math.floor(total * minFraction);
    }

    /** Counts of entries per child, kept in {@link #scratch} by {@link #split} for the children just made. */
    private int[] counts = new int[16];

    private int countOf(int child, int firstChild) {
        return counts[child - firstChild];
    }

    /**
     * Takes one caller step for the stacks of {@code node} (its range of the order array): stacks that end here
     * add to its self, the others to the child named by their next frame. Rearranges the range so each child's
     * stacks follow one another, in the order the children were made, and returns where those ranges end.
     */
    private int split(int node, int from, int to) {
        int firstChild = nodes.size;
        long self = 0;
        int moving = 0;
        for (int k = from; k < to; k++) {
            tick();
            int e = order[k];
            int c = cursor[e];
            if (c == StackTable.ROOT) {
                self += weights.weight(e);
                continue;
            }
            int frame = stacks.nodeFrame(c);
            int child = nodes.child(node, frames.nameId(frame), frame);
            nodes.columns[1][child] += weights.weight(e);
            cursor[e] = stacks.parent(c);
            scratch[moving] = e;
            childOf[moving++] = child;
        }
        nodes.columns[0][node] = self;
        int children = nodes.size - firstChild;
        if (counts.length < children + 1) {
            counts = new int[Math.max(children + 1, counts.length * 2)];
        }
        Arrays.fill(counts, 0, children + 1, 0);
        for (int i = 0; i < moving; i++) {
            counts[childOf[i] - firstChild]++;
        }
        // Counting sort of the moving stacks by child, stable, so each child sees its stacks in stack order
        // and takes its representative frame from the first of them, as inserting stack by stack would.
        int[] start = new int[children];
        for (int c = 0, at = from; c < children; c++) {
            start[c] = at;
            at += counts[c];
        }
        for (int i = 0; i < moving; i++) {
            order[start[childOf[i] - firstChild]++] = scratch[i];
        }
        return from + moving;
    }

    /** The self of a node whose callers are not built: its stacks that end at it. */
    private void selfOf(int node, int from, int to) {
        long self = 0;
        for (int k = from; k < to; k++) {
            tick();
            int e = order[k];
            if (cursor[e] == StackTable.ROOT) {
                self += weights.weight(e);
            }
        }
        nodes.columns[0][node] = self;
    }

    private void markExpanded(int node) {
        if (node >= expanded.length) {
            expanded = Arrays.copyOf(expanded, Math.max(node + 1, expanded.length * 2));
        }
        expanded[node] = true;
    }

    private void tick() {
        if ((++steps & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("query was cancelled");
        }
    }

    private CallTree freeze(Profile profile, ProfileQuery query, CallTree.Pruning pruning) {
        int[] rank = frames.nameRanks();
        int[] byRank = frames.namesByRank();
        int[][] links = nodes.link(name -> rank[name], r -> byRank[r]);
        return new CallTree(profile, query, nodes.trimmed(nodes.names), nodes.trimmed(nodes.payloads),
                nodes.trimmed(nodes.parents), links[0], links[1], nodes.trimmed(nodes.depths),
                nodes.trimmed(nodes.columns[0]), nodes.trimmed(nodes.columns[1]), nodes.size, weights.samples(),
                pruning);
    }
}
