package dev.firesight.app.export;

import dev.firesight.app.flame.model.CallFlameTree;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.SearchPattern;


/**
 * What an export draws: a flame tree (a call tree, whose query carries the view, range and filters, or a
 * diff of two captures), the zoom as a path of name ids, the search, the orientation and the colour mode.
 */
public record FlameView(FlameTree flame, int[] zoomPath, SearchPattern search, boolean icicle, ColorMode colorMode) {
    public FlameView {
        zoomPath = zoomPath == null ? new int[0] : zoomPath.clone();
        colorMode = colorMode == null ? ColorMode.KIND : colorMode;
    }

    public FlameView(CallTree tree, int[] zoomPath, SearchPattern search, boolean icicle, ColorMode colorMode) {
        this(CallFlameTree.of(tree), zoomPath, search, icicle, colorMode);
    }

    /** The whole tree, unzoomed, no search, flame orientation, coloured by kind. */
    public static FlameView of(CallTree tree) {
        return of(CallFlameTree.of(tree));
    }

    /** The whole flame tree, unzoomed, no search, flame orientation, coloured by kind. */
    public static FlameView of(FlameTree tree) {
        return new FlameView(tree, new int[0], null, false, ColorMode.KIND);
    }

    /** The call tree drawn, or null when the view shows something else (a diff). */
    public CallTree tree() {
        return flame instanceof CallFlameTree ? ((CallFlameTree) flame).tree() : null;
    }

    /**
     * This view drawn from the complete tree when its tree was built only where a flame graph can draw it
     * ({@link CallTree#isComplete}), so that an export holds every frame; else this view. Builds the tree: call it
     * off the FX thread.
     */
    public FlameView complete() {
        CallTree t = tree();
        if (t == null || t.isComplete()) {
            return this;
        }
        return new FlameView(CallTreeBuilder.build(t.profile(), t.query()), zoomPath, search, icicle, colorMode);
    }

    /** The zoomed node, or its deepest ancestor present in the tree. */
    public int zoomNode() {
        int node = FlameTree.ROOT;
        for (int id : zoomPath) {
            int c = flame.child(node, id);
            if (c == FlameTree.NONE) {
                break;
            }
            node = c;
        }
        return node;
    }

    /** The search of this view's tree: the window's own rule, so the export marks what the window marked. */
    public FrameSearch runSearch() {
        return FrameSearch.run(flame, search);
    }

    @Override
    public int[] zoomPath() {
        return zoomPath.clone();
    }
}
