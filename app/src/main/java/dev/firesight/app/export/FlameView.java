package dev.firesight.app.export;

import dev.firesight.app.flame.ColorMode;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.FlameSearch;
import dev.firesight.parser.query.CallTree;

import java.util.regex.Pattern;

/**
 * What an export draws: a call tree (its query carries the view, range and filters), the zoom as a
 * path of name ids, the search, the orientation and the colour mode.
 */
public record FlameView(CallTree tree, int[] zoomPath, Pattern search, boolean icicle, ColorMode colorMode) {
    public FlameView {
        zoomPath = zoomPath == null ? new int[0] : zoomPath.clone();
        colorMode = colorMode == null ? ColorMode.KIND : colorMode;
    }

    /** The whole tree, unzoomed, no search, flame orientation, coloured by kind. */
    public static FlameView of(CallTree tree) {
        return new FlameView(tree, new int[0], null, false, ColorMode.KIND);
    }

    /** What a flame graph control currently shows. Call on the FX thread. */
    public static FlameView of(FlameGraph graph) {
        return new FlameView(graph.getTree(), graph.getZoomPath(), graph.searchProperty().get(),
                graph.icicleProperty().get(), graph.colorModeProperty().get());
    }

    /** The zoomed node, or its deepest ancestor present in the tree. */
    public int zoomNode() {
        int node = CallTree.ROOT;
        for (int id : zoomPath) {
            int c = tree.child(node, id);
            if (c == CallTree.NONE) {
                break;
            }
            node = c;
        }
        return node;
    }

    public FlameSearch runSearch() {
        return FlameSearch.run(tree, search);
    }

    @Override
    public int[] zoomPath() {
        return zoomPath.clone();
    }
}
