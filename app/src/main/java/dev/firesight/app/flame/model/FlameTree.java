package dev.firesight.app.flame.model;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.FrameSearch;

import java.util.List;

/**
 * What a flame graph draws, whatever the tree came from: the shape (parents, children, depths), each
 * frame's width weight, name, colour, marking and hover text. A plain call tree ({@link CallFlameTree})
 * and a comparison of two captures ({@code dev.firesight.app.compare.DiffFlameTree}) both satisfy it, so
 * {@link FlameLayout}, the canvas painter, search and the SVG/HTML/PNG exporters serve both. Free of JavaFX.
 */
public interface FlameTree extends FrameSearch.Tree {
    int ROOT = 0;
    int NONE = -1;

    /** How a frame is marked beyond its colour. */
    enum Mark {
        NONE,
        /** Present only in the capture being compared against (drawn hatched). */
        ADDED,
        /** Present only in the other capture (drawn outlined). */
        VANISHED
    }

    int size();

    int parent(int node);

    int firstChild(int node);

    int nextSibling(int node);

    /** Depth below the root; the root's children are at depth 1. */
    int depth(int node);

    /** The frame's width weight; children's weights sum to at most their parent's. */
    double weight(int node);

    /** The weight a frame carries itself, outside its children. */
    double selfWeight(int node);

    /** The full name; "all" for the root. */
    String name(int node);

    /** An id equal for equal names within this tree, used for zoom paths and highlights. */
    int nameId(int node);

    FrameKind kind(int node);

    /** Fill colour, 0xRRGGBB. */
    int color(int node, ColorMode mode);

    default Mark mark(int node) {
        return Mark.NONE;
    }

    /** Hover text, lines separated by '\n'. */
    String describe(int node);

    /** What the flame graph says when the tree weighs nothing. */
    default String emptyText() {
        return "No samples in this view";
    }

    /** What the colours mean in a mode. */
    List<FrameColors.LegendEntry> legend(ColorMode mode);

    /** A headline: what the tree shows and how much of it. */
    String title();

    /** The unit of the weights as the HTML export names it ("bytes", "ns", "samples", "share"). */
    String unitLabel();

    /** The weight as text in this tree's unit. */
    String formatWeight(double weight);

    /** Lines exports print under the title, such as what is compared and why it may not compare well. */
    default List<String> notes() {
        return List.of();
    }

    /** True when exports should draw the legend (the diff's colours need explaining; kinds do not). */
    default boolean exportsLegend() {
        return false;
    }

    /** The source line of a frame, or 0. */
    default int line(int node) {
        return 0;
    }

    /** The native library of a frame, or null. */
    default String library(int node) {
        return null;
    }

    /** True when exports should carry {@link #describe} text per frame instead of rebuilding it from weights. */
    default boolean ownDescriptions() {
        return false;
    }

    default double total() {
        return weight(ROOT);
    }

    /** The child of {@code node} with this name id, or {@link #NONE}. */
    default int child(int node, int nameId) {
        for (int c = firstChild(node); c != NONE; c = nextSibling(c)) {
            if (nameId(c) == nameId) {
                return c;
            }
        }
        return NONE;
    }

    /** Name ids from the root's child down to {@code node}. */
    default int[] pathIds(int node) {
        int[] out = new int[depth(node)];
        for (int n = node; n != ROOT; n = parent(n)) {
            out[depth(n) - 1] = nameId(n);
        }
        return out;
    }

    /** Names from the root's child down to {@code node}. */
    default String[] path(int node) {
        String[] out = new String[depth(node)];
        for (int n = node; n != ROOT; n = parent(n)) {
            out[depth(n) - 1] = name(n);
        }
        return out;
    }

    /** The node a path of names leads to, or its deepest ancestor present; for linking two trees. */
    default int findByNames(String[] names) {
        int node = ROOT;
        for (String name : names) {
            int next = NONE;
            for (int c = firstChild(node); c != NONE; c = nextSibling(c)) {
                if (name(c).equals(name)) {
                    next = c;
                    break;
                }
            }
            if (next == NONE) {
                break;
            }
            node = next;
        }
        return node;
    }
}
