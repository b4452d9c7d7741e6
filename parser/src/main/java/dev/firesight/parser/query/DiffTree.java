package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;

import java.util.List;

/**
 * A call tree on the merged shape of two captures, so frames present in only one of them stay
 * visible. Each node carries the baseline's and the target's self and total weights. Names are
 * unified by text, since the two captures intern names separately.
 */
public final class DiffTree {
    /** How weights are compared. */
    public enum Normalization {
        /** Raw weights. */
        ABSOLUTE,
        /** Each capture's weights as a fraction of its own total. */
        SHARE,
        /** Weights per second of each capture's duration. */
        RATE
    }

    public static final int ROOT = 0;
    public static final int NONE = -1;

    private final String[] names;
    private final int[] nameIds;
    private final FrameKind[] kinds;
    private final int[] parents;
    private final int[] firstChildren;
    private final int[] nextSiblings;
    private final int[] depths;
    private final long[] baseSelf;
    private final long[] baseTotal;
    private final long[] targetSelf;
    private final long[] targetTotal;
    private final double[] baseSelfSquares;
    private final double[] baseSquares;
    private final double[] targetSelfSquares;
    private final double[] targetSquares;
    private final double baseDurationSeconds;
    private final double targetDurationSeconds;
    private final List<String> caveats;

    DiffTree(String[] names, int[] nameIds, FrameKind[] kinds, int[] parents, int[] firstChildren,
             int[] nextSiblings, int[] depths, long[] baseSelf, long[] baseTotal, long[] targetSelf,
             long[] targetTotal, double[] baseSelfSquares, double[] baseSquares, double[] targetSelfSquares,
             double[] targetSquares, double baseDurationSeconds,
             double targetDurationSeconds, List<String> caveats) {
        this.names = names;
        this.nameIds = nameIds;
        this.kinds = kinds;
        this.parents = parents;
        this.firstChildren = firstChildren;
        this.nextSiblings = nextSiblings;
        this.depths = depths;
        this.baseSelf = baseSelf;
        this.baseTotal = baseTotal;
        this.targetSelf = targetSelf;
        this.targetTotal = targetTotal;
        this.baseSelfSquares = baseSelfSquares;
        this.baseSquares = baseSquares;
        this.targetSelfSquares = targetSelfSquares;
        this.targetSquares = targetSquares;
        this.baseDurationSeconds = baseDurationSeconds;
        this.targetDurationSeconds = targetDurationSeconds;
        this.caveats = List.copyOf(caveats);
    }

    public int size() {
        return parents.length;
    }

    /** The node's name; "all" for the root. */
    public String name(int node) {
        return node == ROOT ? "all" : names[nameIds[node]];
    }

    /** The unified name id, equal for equal names in either capture. */
    public int nameId(int node) {
        return nameIds[node];
    }

    public FrameKind kind(int node) {
        return kinds[node];
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

    public int depth(int node) {
        return depths[node];
    }

    public long baseSelf(int node) {
        return baseSelf[node];
    }

    public long baseTotal(int node) {
        return baseTotal[node];
    }

    public long targetSelf(int node) {
        return targetSelf[node];
    }

    public long targetTotal(int node) {
        return targetTotal[node];
    }

    /** True when the frame (on this path) exists only in the baseline. */
    public boolean vanished(int node) {
        return targetTotal[node] == 0 && baseTotal[node] != 0;
    }

    /** True when the frame (on this path) exists only in the target. */
    public boolean added(int node) {
        return baseTotal[node] == 0 && targetTotal[node] != 0;
    }

    /** The baseline's total under a normalisation: raw, a share of the capture, or per second. */
    public double base(int node, Normalization n) {
        return normalize(baseTotal[node], baseTotal[ROOT], baseDurationSeconds, n);
    }

    public double target(int node, Normalization n) {
        return normalize(targetTotal[node], targetTotal[ROOT], targetDurationSeconds, n);
    }

    public double baseSelf(int node, Normalization n) {
        return normalize(baseSelf[node], baseTotal[ROOT], baseDurationSeconds, n);
    }

    public double targetSelf(int node, Normalization n) {
        return normalize(targetSelf[node], targetTotal[ROOT], targetDurationSeconds, n);
    }

    /** Target minus baseline under a normalisation. */
    public double delta(int node, Normalization n) {
        return target(node, n) - base(node, n);
    }

    /** The change relative to the baseline (0.5 = grew by half); infinite for new frames. */
    public double relativeDelta(int node, Normalization n) {
        double b = base(node, n);
        return b == 0 ? (target(node, n) == 0 ? 0 : Double.POSITIVE_INFINITY) : delta(node, n) / b;
    }

    private static double normalize(long value, long total, double seconds, Normalization n) {
        switch (n) {
            case SHARE:
                return total == 0 ? 0 : (double) value / total;
            case RATE:
                return seconds <= 0 ? value : value / seconds;
            default:
                return value;
        }
    }

    /**
     * How the node's share of its capture changed, with its 95 % interval and whether that is more than
     * sampling noise: the one significance rule of every diff (window, CLI, SVG and HTML).
     */
    public ShareChange change(int node) {
        return change(baseTotal[node], baseSquares[node], targetTotal[node], targetSquares[node]);
    }

    /**
     * The change of the share of any set of samples given by its sums in each capture, e.g. a method's self
     * weight summed over the nodes where it is the leaf ({@link #baseSelfSquares} and the like).
     */
    public ShareChange change(double baseWeight, double baseSquares, double targetWeight, double targetSquares) {
        return ShareChange.between(
                ShareChange.Share.of(baseWeight, baseSquares, baseTotal[ROOT], this.baseSquares[ROOT]),
                ShareChange.Share.of(targetWeight, targetSquares, targetTotal[ROOT], this.targetSquares[ROOT]));
    }

    /** The sum of the squared weights of the baseline's samples through this node. */
    public double baseSquares(int node) {
        return baseSquares[node];
    }

    public double targetSquares(int node) {
        return targetSquares[node];
    }

    /** The sum of the squared weights of the baseline's samples whose leaf is this node. */
    public double baseSelfSquares(int node) {
        return baseSelfSquares[node];
    }

    public double targetSelfSquares(int node) {
        return targetSelfSquares[node];
    }

    /** Sentences saying why the captures may not compare well; empty when they do. */
    public List<String> caveats() {
        return caveats;
    }

    /** The names from the root's child down to {@code node}. */
    public String[] path(int node) {
        String[] out = new String[depths[node]];
        for (int n = node; n != ROOT; n = parents[n]) {
            out[depths[n] - 1] = name(n);
        }
        return out;
    }

    public int maxDepth() {
        int max = 0;
        for (int d : depths) {
            max = Math.max(max, d);
        }
        return max;
    }
}
