package dev.firesight.app.flame;

import dev.firesight.app.flame.model.FrameText;

import dev.firesight.parser.query.CallTree;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The zoom path of a flame graph as clickable ancestors, with a reset button. */
public final class Breadcrumb extends HBox {
    private final FlameGraph graph;
    private final Button reset = new Button("Reset zoom");

    Breadcrumb(FlameGraph graph) {
        this.graph = graph;
        getStyleClass().add(FlameGraph.BREADCRUMB_STYLE_CLASS);
        reset.getStyleClass().add("reset-zoom");
        reset.setOnAction(e -> graph.resetZoom());
        reset.setFocusTraversable(false);
        reset.setMinWidth(Region.USE_PREF_SIZE); // the ancestors shrink first, never the button
        graph.breadcrumb().addListener((ListChangeListener<String>) c -> rebuild());
        rebuild();
    }

    /** Crumbs shown besides "all": the deepest ones, the rest behind an ellipsis. */
    private static final int MAX_CRUMBS = 7;

    private void rebuild() {
        getChildren().clear();
        var names = graph.breadcrumb();
        int skipFrom = 1;
        int skipTo = Math.max(1, names.size() - MAX_CRUMBS);
        for (int i = 0; i < names.size(); i++) {
            if (i >= skipFrom && i < skipTo) {
                if (i == skipFrom) {
                    Label more = new Label("\u203a \u2026");
                    more.getStyleClass().add("separator");
                    getChildren().add(more);
                }
                continue;
            }
            if (i > 0) {
                Label sep = new Label("\u203a");
                sep.getStyleClass().add("separator");
                getChildren().add(sep);
            }
            String text = names.get(i);
            // Without the package, the zoomed frame too: in full it took the room of the crumbs before it, which
            // shrank to "…" beside the transform chips. The full name is in the tooltip.
            String shown = FrameText.withoutPackage(text);
            shown = shown.length() > 60 ? shown.substring(0, 59) + "\u2026" : shown;
            if (i == names.size() - 1) {
                Label current = new Label(shown);
                current.getStyleClass().add("current");
                current.setMinWidth(Region.USE_PREF_SIZE);
                current.setTooltip(new Tooltip(text));
                getChildren().add(current);
            } else {
                final int depth = i;
                Hyperlink link = new Hyperlink(shown);
                link.setTooltip(new Tooltip(text));
                link.setFocusTraversable(false);
                link.setOnAction(e -> zoomToDepth(depth));
                getChildren().add(link);
            }
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        reset.setDisable(names.size() <= 1);
        getChildren().addAll(spacer, reset);
    }

    private void zoomToDepth(int depth) {
        CallTree tree = graph.getTree();
        if (tree == null) {
            return;
        }
        int node = graph.getZoomNode();
        while (node != CallTree.ROOT && tree.depth(node) > depth) {
            node = tree.parent(node);
        }
        if (node == CallTree.ROOT) {
            graph.resetZoom();
        } else {
            graph.zoomTo(node);
        }
    }
}
