package dev.firesight.app.flame.model;

import dev.firesight.app.format.Units;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.CallTree;

import java.util.List;

/** A {@link CallTree} as a flame graph draws it: widths are totals, colours by kind or package. */
public class CallFlameTree implements FlameTree {
    private final CallTree tree;

    protected CallFlameTree(CallTree tree) {
        this.tree = tree;
    }

    public static CallFlameTree of(CallTree tree) {
        return tree == null ? null : new CallFlameTree(tree);
    }

    public CallTree tree() {
        return tree;
    }

    /** Empty under a filter of the user's: says which, and what to do, rather than only that it is empty. */
    @Override
    public String emptyText() {
        dev.firesight.parser.query.ProfileQuery q = tree.query();
        boolean threads = q.threads() != null;
        boolean range = q.hasRange();
        if (!threads && !range) {
            return FlameTree.super.emptyText();
        }
        String what = threads && range ? "the threads and the time range chosen"
                : threads ? "the threads or JVM chosen" : "the time range chosen";
        return "No samples in this view for " + what + "; pick another view, or widen the filter";
    }

    /** The call tree: a search of it is a search of this view. */
    @Override
    public Object source() {
        return tree;
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public int parent(int node) {
        return tree.parent(node);
    }

    @Override
    public int firstChild(int node) {
        return tree.firstChild(node);
    }

    @Override
    public int nextSibling(int node) {
        return tree.nextSibling(node);
    }

    @Override
    public int depth(int node) {
        return tree.depth(node);
    }

    @Override
    public double weight(int node) {
        return tree.total(node);
    }

    @Override
    public double selfWeight(int node) {
        return tree.self(node);
    }

    @Override
    public String name(int node) {
        return tree.name(node);
    }

    @Override
    public int nameId(int node) {
        return tree.nameId(node);
    }

    @Override
    public FrameKind kind(int node) {
        return tree.kind(node);
    }

    @Override
    public int child(int node, int nameId) {
        return tree.child(node, nameId);
    }

    @Override
    public int[] pathIds(int node) {
        return tree.pathIds(node);
    }

    @Override
    public int color(int node, ColorMode mode) {
        return FrameColors.color(tree, node, mode);
    }

    @Override
    public String describe(int node) {
        return FrameDescription.describe(tree, node);
    }

    @Override
    public List<FrameColors.LegendEntry> legend(ColorMode mode) {
        return FrameColors.legend(mode, tree, 10);
    }

    @Override
    public String title() {
        return tree.view().title() + " \u2014 " + Units.weight(tree.total(), tree.view().unit());
    }

    @Override
    public String unitLabel() {
        return tree.view().unit().label();
    }

    @Override
    public String formatWeight(double weight) {
        return Units.weight(Math.round(weight), tree.view().unit());
    }

    @Override
    public int line(int node) {
        int frame = tree.frame(node);
        return frame < 0 ? 0 : tree.profile().frames().line(frame);
    }

    @Override
    public String library(int node) {
        return node == ROOT ? null : FrameDescription.library(tree, node);
    }
}
