package dev.firesight.app.flame.model;

import dev.firesight.parser.query.CallTree;

import java.util.Arrays;

/**
 * The frames a flame graph shows for one {@link FlameTree} (a call tree or a diff of two captures), zoom node and minimum width: each frame's node,
 * x and width as fractions of the zoomed node, and depth (the root at depth 0). The zoomed node and its
 * ancestors span the full width; frames narrower than the minimum are left out with their subtrees, except
 * that a run of such siblings wide enough together is kept as one merged entry ({@link #merged(int)}), so
 * thousands of sub-pixel frames still show as the weight they add up to instead of a gap.
 * Frames are ordered by depth, then left to right, so a row can be searched by x.
 *
 * <p>Free of JavaFX: the canvas, SVG, HTML and PNG renderers all draw from this one layout.
 */
public final class FlameLayout {
    private final FlameTree tree;
    private final int zoomNode;
    private final double minWidth;
    private final int[] nodes;
    private final double[] xs;
    private final double[] widths;
    private final int[] depths;
    private final int[] mergedCounts;
    private final int[] rowStart;
    private final int size;

    private FlameLayout(FlameTree tree, int zoomNode, double minWidth, int[] nodes, double[] xs, double[] widths,
                        int[] depths, int[] mergedCounts, int[] rowStart, int size) {
        this.tree = tree;
        this.zoomNode = zoomNode;
        this.minWidth = minWidth;
        this.nodes = nodes;
        this.xs = xs;
        this.widths = widths;
        this.depths = depths;
        this.mergedCounts = mergedCounts;
        this.rowStart = rowStart;
        this.size = size;
    }

    /**
     * Lays out a tree.
     *
     * @param zoomNode the node that spans the full width ({@link CallTree#ROOT} for no zoom)
     * @param minWidth the narrowest frame kept, as a fraction of the full width (e.g. 0.5 px / width)
     */
    public static FlameLayout compute(CallTree tree, int zoomNode, double minWidth) {
        return compute(CallFlameTree.of(tree), zoomNode, minWidth);
    }

    /** Lays out any flame tree; see {@link #compute(CallTree, int, double)}. */
    public static FlameLayout compute(FlameTree tree, int zoomNode, double minWidth) {
        if (zoomNode < 0 || zoomNode >= tree.size()) {
            zoomNode = FlameTree.ROOT;
        }
        int zoomDepth = tree.depth(zoomNode);
        int capacity = Math.max(256, zoomDepth + 1);
        int[] n = new int[capacity];
        double[] x = new double[capacity];
        double[] w = new double[capacity];
        int[] d = new int[capacity];
        int[] m = new int[capacity];
        int count = 0;
        // Ancestors of the zoomed node, root first, at full width.
        int[] chain = new int[zoomDepth + 1];
        for (int a = zoomNode, i = zoomDepth; a != FlameTree.NONE; a = tree.parent(a), i--) {
            chain[i] = a;
        }
        for (int i = 0; i < zoomDepth; i++) {
            n[count] = chain[i];
            x[count] = 0;
            w[count] = 1;
            d[count] = i;
            count++;
        }
        double scale = tree.weight(zoomNode) > 0 ? 1.0 / tree.weight(zoomNode) : 0;
        // Depth-first walk below the zoomed node; a node's x is its parent's x plus earlier siblings.
        Pending pending = new Pending();
        pending.push(zoomNode, 0, 1, 0);
        while (pending.top > 0) {
            int slot = pending.pop();
            int node = pending.nodes[slot];
            double nx = pending.xs[slot];
            double nw = pending.widths[slot];
            int merged = pending.merged[slot];
            if (count == n.length) {
                capacity = count * 2;
                n = Arrays.copyOf(n, capacity);
                x = Arrays.copyOf(x, capacity);
                w = Arrays.copyOf(w, capacity);
                d = Arrays.copyOf(d, capacity);
                m = Arrays.copyOf(m, capacity);
            }
            n[count] = node;
            x[count] = nx;
            w[count] = nw;
            d[count] = tree.depth(node);
            m[count] = merged;
            count++;
            if (merged > 0) {
                continue; // a run of sub-pixel frames: nothing of theirs is wide enough above it
            }
            // Push visible children, then reverse them so they pop left to right; consecutive children
            // narrower than the minimum go in as one merged entry when together they are wide enough.
            int mark = pending.top;
            double cx = nx;
            int runFirst = FlameTree.NONE;
            int runCount = 0;
            double runX = 0;
            double runW = 0;
            for (int c = tree.firstChild(node); ; c = tree.nextSibling(c)) {
                double cw = c == FlameTree.NONE ? 0 : tree.weight(c) * scale;
                boolean tiny = c != FlameTree.NONE && cw < minWidth;
                if (!tiny && runCount > 0) {
                    if (runW >= minWidth && runW > 0) {
                        pending.push(runFirst, runX, runW, runCount);
                    }
                    runCount = 0;
                }
                if (c == FlameTree.NONE) {
                    break;
                }
                if (tiny) {
                    if (runCount == 0) {
                        runFirst = c;
                        runX = cx;
                        runW = 0;
                    }
                    runCount++;
                    runW += cw;
                } else if (cw > 0) {
                    pending.push(c, cx, cw, 0);
                }
                cx += cw;
            }
            pending.reverseFrom(mark);
        }
        // Stable counting sort by depth: pre-order visits each depth left to right already.
        int rows = 0;
        for (int i = 0; i < count; i++) {
            rows = Math.max(rows, d[i] + 1);
        }
        int[] start = new int[rows + 1];
        for (int i = 0; i < count; i++) {
            start[d[i] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, rows);
        int[] sn = new int[count];
        double[] sx = new double[count];
        double[] sw = new double[count];
        int[] sd = new int[count];
        int[] sm = new int[count];
        for (int i = 0; i < count; i++) {
            int k = fill[d[i]]++;
            sn[k] = n[i];
            sx[k] = x[i];
            sw[k] = w[i];
            sd[k] = d[i];
            sm[k] = m[i];
        }
        return new FlameLayout(tree, zoomNode, minWidth, sn, sx, sw, sd, sm, start, count);
    }

    public FlameTree tree() {
        return tree;
    }

    public int zoomNode() {
        return zoomNode;
    }

    public double minWidth() {
        return minWidth;
    }

    /** Number of visible frames. */
    public int size() {
        return size;
    }

    public int node(int i) {
        return nodes[i];
    }

    /** Left edge as a fraction of the full width. */
    public double x(int i) {
        return xs[i];
    }

    /** Width as a fraction of the full width. */
    public double width(int i) {
        return widths[i];
    }

    /** Depth of the frame; the root is 0. */
    public int depth(int i) {
        return depths[i];
    }

    /** Number of rows (the deepest visible depth plus one). */
    public int rows() {
        return rowStart.length - 1;
    }

    /** Index of the first frame of a row; frames of the row run to {@code rowEnd(depth)}. */
    public int rowStart(int depth) {
        return depth < 0 || depth >= rows() ? size : rowStart[depth];
    }

    public int rowEnd(int depth) {
        return depth < 0 || depth >= rows() ? size : rowStart[depth + 1];
    }

    /**
     * Frames laid out but not yet visited: a stack of slots, each slot a (node, x, width, merged count) kept
     * in parallel arrays, so reordering the stack moves slot numbers only.
     */
    private static final class Pending {
        int[] nodes = new int[64];
        double[] xs = new double[64];
        double[] widths = new double[64];
        int[] merged = new int[64];
        int[] stack = new int[64];
        int slots;
        int top;

        void push(int node, double x, double width, int mergedCount) {
            if (slots == nodes.length) {
                nodes = Arrays.copyOf(nodes, slots * 2);
                xs = Arrays.copyOf(xs, slots * 2);
                widths = Arrays.copyOf(widths, slots * 2);
                merged = Arrays.copyOf(merged, slots * 2);
            }
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, top * 2);
            }
            nodes[slots] = node;
            xs[slots] = x;
            widths[slots] = width;
            merged[slots] = mergedCount;
            stack[top++] = slots++;
        }

        /** The slot on top, removed from the stack (its values stay readable until the next push). */
        int pop() {
            int slot = stack[--top];
            if (top == 0) {
                slots = 0; // nothing refers to older slots any more
            }
            return slot;
        }

        /** Reverses the entries from {@code from} up, so siblings pushed left to right pop left to right. */
        void reverseFrom(int from) {
            for (int i = from, j = top - 1; i < j; i++, j--) {
                int slot = stack[i];
                stack[i] = stack[j];
                stack[j] = slot;
            }
        }
    }

    /**
     * How many sibling frames, each narrower than the minimum, entry {@code i} stands for (from
     * {@link #node(int)} on); 0 for an ordinary frame. Such an entry is drawn plain and has no name.
     */
    public int merged(int i) {
        return mergedCounts[i];
    }

    /** The ordinary frame (not a {@linkplain #merged merged run}) covering fraction {@code x} in a row, or -1. */
    public int frameAt(double x, int depth) {
        if (depth < 0 || depth >= rows()) {
            return -1;
        }
        int lo = rowStart[depth];
        int hi = rowStart[depth + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] > x) {
                hi = mid - 1;
            } else if (xs[mid] + widths[mid] <= x) {
                lo = mid + 1;
            } else {
                return mergedCounts[mid] > 0 ? -1 : mid;
            }
        }
        return -1;
    }

    /** The frame index of a tree node, or -1 when it is not visible. */
    public int indexOf(int node) {
        if (node < 0 || node >= tree.size()) {
            return -1;
        }
        int depth = tree.depth(node);
        for (int i = rowStart(depth), e = rowEnd(depth); i < e; i++) {
            if (nodes[i] == node && mergedCounts[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Top edge in pixels of a row: the root at the bottom for a flame graph, at the top for an icicle.
     * {@code height} is the height of the whole picture, {@code rows() * rowHeight} or more.
     */
    public static double rowTop(int depth, double rowHeight, double height, boolean icicle) {
        return icicle ? depth * rowHeight : height - (depth + 1) * rowHeight;
    }

    /** The depth of the row at pixel {@code y}; the inverse of {@link #rowTop}. */
    public static int rowAt(double y, double rowHeight, double height, boolean icicle) {
        double r = icicle ? y / rowHeight : (height - y) / rowHeight;
        return r < 0 ? -1 : (int) Math.floor(r);
    }
}
