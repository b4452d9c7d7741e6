package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;

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

    CallTree(Profile profile, ProfileQuery query, int[] names, int[] frames, int[] parents, int[] firstChildren,
             int[] nextSiblings, int[] depths, long[] selfs, long[] totals, int size, long samples) {
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
