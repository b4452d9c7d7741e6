package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * A call tree (top-down, or bottom-up when reversed) in flat arrays. Node 0 is the root, which holds
 * the total of everything. Children are linked through {@link #firstChild} and {@link #nextSibling},
 * sorted by name so layouts are stable across views and time ranges.
 */
public final class CallTree implements FrameSearch.Tree {
    private final Profile profile;
    private final ProfileQuery query;
    private final int[] names;
    private final int[] frames;
    private final int[] parents;
    private final int[] firstChildren;
    private final int[] nextSiblings;
    private final int[] depths;
    private final long[] selfs;
    private final long[] totals;
    private final int size;
    private final long samples;
    private final Pruning pruning;

    CallTree(Profile profile, ProfileQuery query, int[] names, int[] frames, int[] parents, int[] firstChildren,
             int[] nextSiblings, int[] depths, long[] selfs, long[] totals, int size, long samples) {
        this(profile, query, names, frames, parents, firstChildren, nextSiblings, depths, selfs, totals, size, samples,
                null);
    }

    CallTree(Profile profile, ProfileQuery query, int[] names, int[] frames, int[] parents, int[] firstChildren,
             int[] nextSiblings, int[] depths, long[] selfs, long[] totals, int size, long samples,
             Pruning pruning) {
        this.profile = profile;
        this.query = query;
        this.names = names;
        this.frames = frames;
        this.parents = parents;
        this.firstChildren = firstChildren;
        this.nextSiblings = nextSiblings;
        this.depths = depths;
        this.selfs = selfs;
        this.totals = totals;
        this.size = size;
        this.samples = samples;
        this.pruning = pruning;
    }

    /**
     * How a tree built only where it is visible ({@link BottomUpTree}) was cut: the stack weights it came from,
     * the focused (zoomed) node and the smallest total whose callers were built below it and elsewhere. A
     * node has all its children or none.
     */
    record Pruning(StackWeights weights, int focusNode, long focusThreshold, long threshold, double minFraction,
                   int maxDepth) {
    }

    public static final int ROOT = 0;
    public static final int NONE = -1;

    public Profile profile() {
        return profile;
    }

    public ProfileQuery query() {
        return query;
    }

    public ViewKind view() {
        return query.view();
    }

    /** Number of nodes, the root included. */
    public int size() {
        return size;
    }

    /** Weight of everything in the tree. */
    public long total() {
        return totals[ROOT];
    }

    /** How many samples went into the tree. */
    public long samples() {
        return samples;
    }

    public long total(int node) {
        return totals[node];
    }

    /** A frame's weight for a search: its total. */
    @Override
    public double weight(int node) {
        return total(node);
    }

    public long self(int node) {
        return selfs[node];
    }

    public int parent(int node) {
        return parents[node];
    }

    public int firstChild(int node) {
        return firstChildren[node];
    }

    public int nextSibling(int node) {
        return nextSiblings[node];
    }

    /** Depth below the root; the root's children are at depth 1. */
    public int depth(int node) {
        return depths[node];
    }

    /**
     * The node's name id: a frame name id from {@link dev.firesight.parser.FrameTable#nameOf}, or, for
     * thread nodes, {@code -(thread + 1)}. The root's is {@link Integer#MIN_VALUE}.
     */
    public int nameId(int node) {
        return names[node];
    }

    public String name(int node) {
        int n = names[node];
        if (node == ROOT) {
            return "all";
        }
        return n < 0 ? profile.threadName(-n - 1) : profile.frames().nameOf(n);
    }

    /** A representative frame for kind, line and library; -1 for the root and thread nodes. */
    public int frame(int node) {
        return frames[node];
    }

    public FrameKind kind(int node) {
        int f = frames[node];
        if (f < 0) {
            return node == ROOT ? FrameKind.UNKNOWN : FrameKind.THREAD;
        }
        return profile.frames().kind(f);
    }

    /** The child of {@code node} with this name id, or {@link #NONE}. */
    public int child(int node, int nameId) {
        for (int c = firstChildren[node]; c != NONE; c = nextSiblings[c]) {
            if (names[c] == nameId) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * True when every node of the query's tree is here; false for a tree built only where a flame graph can
     * see it, whose narrow nodes are leaves with their callers (or callees) not built.
     */
    public boolean isComplete() {
        return pruning == null;
    }

    /**
     * The weight below {@code node} that this tree does not show as children because they were not built (the
     * node was too narrow to draw them): its total less its self when its children were left out, else 0.
     * Every node that is here has the exact self and total of the complete tree.
     */
    public long notBuilt(int node) {
        // A node has all its children or none, and one with none whose total is its self has nothing more.
        return pruning == null || firstChildren[node] != NONE ? 0 : totals[node] - selfs[node];
    }

    /**
     * True when zooming into {@code node} shows what the complete tree would show, up to a flame graph
     * {@value BottomUpTree#WIDEST_PIXELS} pixels wide: every node below it wide enough to draw has its children.
     * False means the tree should be built again focused on the node.
     */
    public boolean detailedUnder(int node) {
        if (pruning == null) {
            return true;
        }
        if (pruning.maxDepth() != Integer.MAX_VALUE) {
            return false;
        }
        boolean underFocus = false;
        for (int n = node; n != NONE && !underFocus; n = parents[n]) {
            underFocus = n == pruning.focusNode();
        }
        long threshold = underFocus ? pruning.focusThreshold() : pruning.threshold();
        return threshold <= (long) Math.floor(totals[node] * pruning.minFraction());
    }

    /**
     * The weight of the query's stacks with a frame whose name {@code matches}, each stack counted once:
     * what a search of the complete tree adds up, for a tree whose narrow parts were not built.
     */
    double weightOfStacksWith(IntPredicate matchesName, BooleanSupplier cancelled) {
        StackWeights w = pruning == null ? null : pruning.weights();
        if (w == null) {
            throw new IllegalStateException("a complete tree is searched node by node");
        }
        StackTable stacks = profile.stacks();
        // One verdict per prefix node (a parent is numbered before its children), so each is decided once.
        byte[] verdict = new byte[stacks.nodeCount()];
        double weight = 0;
        for (int i = 0; i < w.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("search was cancelled");
            }
            if (hasMatch(stacks, stacks.node(w.stack(i)), verdict, matchesName)) {
                weight += w.weight(i);
            }
        }
        return weight;
    }

    private boolean hasMatch(StackTable stacks, int prefix, byte[] verdict,
                             IntPredicate matchesName) {
        // Walk up to the nearest decided prefix, then decide the walked ones on the way back down.
        int[] path = new int[16];
        int length = 0;
        int n = prefix;
        while (n != StackTable.ROOT && verdict[n] == 0) {
            if (length == path.length) {
                path = Arrays.copyOf(path, length * 2);
            }
            path[length++] = n;
            n = stacks.parent(n);
        }
        boolean matched = n != StackTable.ROOT && verdict[n] == 1;
        for (int k = length - 1; k >= 0; k--) {
            int p = path[k];
            matched = matched || matchesName.test(profile.frames().nameId(stacks.nodeFrame(p)));
            verdict[p] = matched ? (byte) 1 : (byte) 2;
        }
        return matched;
    }

    /** The deepest depth in the tree. */
    public int maxDepth() {
        int max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, depths[i]);
        }
        return max;
    }

    /** The names from the root's child down to {@code node}. */
    public String[] path(int node) {
        String[] out = new String[depths[node]];
        for (int n = node; n != ROOT; n = parents[n]) {
            out[depths[n] - 1] = name(n);
        }
        return out;
    }

    /** The name ids from the root's child down to {@code node}. */
    public int[] pathIds(int node) {
        int[] out = new int[depths[node]];
        for (int n = node; n != ROOT; n = parents[n]) {
            out[depths[n] - 1] = names[n];
        }
        return out;
    }

    /** Follows a path of name ids from the root; returns the node reached or {@link #NONE}. */
    public int find(int[] pathIds) {
        int node = ROOT;
        for (int id : pathIds) {
            node = child(node, id);
            if (node == NONE) {
                return NONE;
            }
        }
        return node;
    }
}
