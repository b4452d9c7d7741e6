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
 * root, one frame per level; a node's stacks sit together in one range of the entry arrays, split among its
 * children by a counting sort. The work is the number of (stack, level) steps inside built nodes, not the
 * size of the whole tree. (Merging two stacks of a node once their cursors meet at one prefix was tried: on
 * a 238 MB javac recording 0.6% of the steps met, and the table cost more than it saved.)
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
    private int steps;

    /** Per prefix node of the stacks, its parent and its frame side by side: one cache line per step. */
    private final int[] up;
    // One entry per stack of the query: where it has got to and its weight. A node's
    // entries are one range of these arrays, moved (not indexed) so that a node reads them in sequence.
    private final int[] cursor;
    private final long[] weight;
    private final int[] movedCursor;
    private final long[] movedWeight;
    private final int[] movedTo;
    /** Per frame name, the node + 1 whose child of that name is {@link #childByName}: no hashing per step. */
    private final int[] nameOwner;
    private final int[] childByName;
    // Per child of the node being split: how it stands to the focus (-1: not built), its threshold, how many
    // entries it takes and where they go.
    private int[] childPlaces = new int[16];
    private long[] childThresholds = new long[16];
    private int[] counts = new int[16];
    private int[] starts = new int[16];

    /** The tree; its columns are self, total, first child and next sibling (children are linked as made). */
    private final TreeNodes nodes = new TreeNodes(1024, 4);
    private static final int SELF = 0;
    private static final int TOTAL = 1;
    private static final int FIRST = 2;
    private static final int NEXT = 3;

    private BottomUpTree(Profile profile, StackWeights weights, int[] focusPath, double minFraction, int maxDepth,
                         BooleanSupplier cancelled) {
        this.stacks = profile.stacks();
        this.frames = profile.frames();
        this.weights = weights;
        this.focusPath = focusPath == null ? new int[0] : focusPath.clone();
        this.minFraction = minFraction;
        this.maxDepth = maxDepth;
        this.cancelled = cancelled;
        this.up = parentsAndFrames(profile);
        int n = weights.size();
        cursor = new int[n];
        weight = new long[n];
        movedCursor = new int[n];
        movedWeight = new long[n];
        movedTo = new int[n];
        nameOwner = new int[frames.nameCount()];
        childByName = new int[frames.nameCount()];
        nodes.columns[FIRST][CallTree.ROOT] = CallTree.NONE;
        nodes.columns[NEXT][CallTree.ROOT] = CallTree.NONE;
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

    /** {@link #up} of a profile, kept softly with it: built in one pass over the prefix nodes. */
    private static int[] parentsAndFrames(Profile profile) {
        SoftCache<int[]> cache = profile.derived("stack-parents-and-frames", SoftCache::new);
        return cache.get(() -> {
            StackTable stacks = profile.stacks();
            int[] out = new int[2 * stacks.nodeCount()];
            for (int n = 0; n < stacks.nodeCount(); n++) {
                out[2 * n] = stacks.parent(n);
                out[2 * n + 1] = stacks.nodeFrame(n);
            }
            return out;
        });
    }

    private CallTree run(Profile profile, ProfileQuery query) {
        int n = weights.size();
        long all = 0;
        for (int i = 0; i < n; i++) {
            cursor[i] = stacks.node(weights.stack(i));
            weight[i] = weights.weight(i);
            all += weight[i];
        }
        nodes.columns[TOTAL][CallTree.ROOT] = all;
        long general = threshold(all);
        int focusNode = focusPath.length == 0 ? CallTree.ROOT : CallTree.NONE;
        long focusThreshold = general;
        // Depth-first, by explicit stack: node, its range of the entry arrays, and how it stands to the focus
        // (0: elsewhere, 1: on the focus path above the focused node, 2: the focused node or below it), with
        // the smallest total whose callers are built below it.
        int[] work = new int[64];
        long[] thresholds = new long[16];
        work[0] = CallTree.ROOT;
        work[1] = 0;
        work[2] = n;
        work[3] = focusPath.length == 0 ? 2 : 1;
        thresholds[0] = general;
        int top = 1;
        while (top > 0) {
            top--;
            int node = work[4 * top];
            int from = work[4 * top + 1];
            int to = work[4 * top + 2];
            int place = work[4 * top + 3];
            long childThreshold = thresholds[top];
            int firstChild = nodes.size;
            int moving = split(node, from, to);
            int depth = nodes.depths[node];
            int children = nodes.size - firstChild;
            if (childPlaces.length < children) {
                int capacity = Math.max(children, 2 * childPlaces.length);
                childPlaces = new int[capacity];
                childThresholds = new long[capacity];
                counts = new int[capacity];
            }
            for (int i = 0; i < children; i++) {
                int c = firstChild + i;
                int childPlace = childPlace(place, depth, focusPath, nodes.names[c]);
                long threshold = general;
                if (place == 2) {
                    threshold = childThreshold;
                } else if (childPlace == 2) {
                    focusNode = c;
                    focusThreshold = threshold(nodes.columns[TOTAL][c]);
                    threshold = focusThreshold;
                }
                boolean build = childPlace == 1 || (nodes.depths[c] < maxDepth && nodes.columns[TOTAL][c] >= threshold);
                childPlaces[i] = build ? childPlace : -1;
                childThresholds[i] = threshold;
            }
            gather(from, firstChild, children, moving);
            // Children's ranges follow one another in creation order; push them so the first is built first.
            int childTo = from;
            for (int i = 0; i < children; i++) {
                childTo += childPlaces[i] < 0 ? 0 : counts[i];
            }
            for (int i = children - 1; i >= 0; i--) {
                if (childPlaces[i] < 0) {
                    continue;
                }
                if (4 * top + 4 > work.length) {
                    work = Arrays.copyOf(work, work.length * 2);
                    thresholds = Arrays.copyOf(thresholds, thresholds.length * 2);
                }
                work[4 * top] = firstChild + i;
                work[4 * top + 1] = childTo - counts[i];
                work[4 * top + 2] = childTo;
                work[4 * top + 3] = childPlaces[i];
                thresholds[top] = childThresholds[i];
                top++;
                childTo -= counts[i];
            }
        }
        return new CallTree(profile, query, nodes.trimmed(nodes.names), nodes.trimmed(nodes.payloads),
                nodes.trimmed(nodes.parents), ints(nodes.columns[FIRST]), ints(nodes.columns[NEXT]),
                nodes.trimmed(nodes.depths), nodes.trimmed(nodes.columns[SELF]), nodes.trimmed(nodes.columns[TOTAL]),
                nodes.size, weights.samples(), new CallTree.Pruning(weights, focusNode, focusThreshold, general,
                minFraction, maxDepth));
    }

    /**
     * How the child named {@code name} of a node at {@code depth} stands to the focus (zoom) path, given how its
     * parent stands: 0 elsewhere, 1 on the path above the focused node, 2 the focused node or below it. The
     * top-down projection ({@link StackTree}) follows the path by the same rule.
     */
    static int childPlace(int place, int depth, int[] focusPath, int name) {
        if (place == 2) {
            return 2;
        }
        if (place == 1 && focusPath[depth] == name) {
            return depth + 1 == focusPath.length ? 2 : 1;
        }
        return 0;
    }

    private long threshold(long total) {
        return (long) Math.floor(total * minFraction);
    }

    /**
     * Takes one caller step for the entries of {@code node} (its range of the entry arrays): each adds to the
     * child named by its next frame, and to that child's self when its stack ends there. Makes the children and
     * links them in name order; the entries that go on are left in the moved arrays, and their number returned.
     */
    private int split(int node, int from, int to) {
        int firstChild = nodes.size;
        long self = 0;
        int moving = 0;
        for (int k = from; k < to; k++) {
            tick();
            int c = cursor[k];
            long w = weight[k];
            if (c == StackTable.ROOT) {
                self += w; // only at the root: an empty stack
                continue;
            }
            int frame = up[2 * c + 1];
            int name = frames.nameId(frame);
            int child;
            if (nameOwner[name] == node + 1) {
                child = childByName[name];
            } else {
                child = nodes.append(node, name, frame);
                nodes.columns[FIRST][child] = CallTree.NONE;
                nameOwner[name] = node + 1;
                childByName[name] = child;
            }
            nodes.columns[TOTAL][child] += w;
            int next = up[2 * c];
            if (next == StackTable.ROOT) {
                nodes.columns[SELF][child] += w; // the stack ends at the child: it has no more callers to follow
                continue;
            }
            movedCursor[moving] = next;
            movedWeight[moving] = w;
            movedTo[moving++] = child;
        }
        nodes.columns[SELF][node] += self;
        link(node, firstChild, nodes.size - firstChild);
        return moving;
    }

    /**
     * Puts the moving entries of the children to be built ({@link #childPlaces} not negative) back into the
     * node's range, each child's together, in the order the children were made, with their counts in
     * {@link #counts}. Stable, so each child sees its entries in stack order and takes its representative frame
     * from the first of them, as inserting stack by stack would.
     */
    private void gather(int from, int firstChild, int children, int moving) {
        Arrays.fill(counts, 0, children, 0);
        for (int i = 0; i < moving; i++) {
            counts[movedTo[i] - firstChild]++;
        }
        if (starts.length < children) {
            starts = new int[Math.max(children, 2 * starts.length)];
        }
        for (int c = 0, at = from; c < children; c++) {
            starts[c] = at;
            at += childPlaces[c] < 0 ? 0 : counts[c];
        }
        for (int i = 0; i < moving; i++) {
            int c = movedTo[i] - firstChild;
            if (childPlaces[c] >= 0) {
                int at = starts[c]++;
                cursor[at] = movedCursor[i];
                weight[at] = movedWeight[i];
            }
        }
    }

    private int[] ints(long[] column) {
        int[] out = new int[nodes.size];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) column[i];
        }
        return out;
    }

    /** Links a node's children (ids {@code first} on) in name order, as every call tree orders them. */
    private void link(int node, int first, int count) {
        int[] rank = frames.nameRanks();
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = ((long) rank[nodes.names[first + i]] << 32) | (first + i);
        }
        Arrays.sort(keys);
        int next = CallTree.NONE;
        for (int i = count - 1; i >= 0; i--) {
            int c = (int) keys[i];
            nodes.columns[NEXT][c] = next;
            next = c;
        }
        nodes.columns[FIRST][node] = next;
    }

    private void tick() {
        if ((++steps & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("query was cancelled");
        }
    }
}
