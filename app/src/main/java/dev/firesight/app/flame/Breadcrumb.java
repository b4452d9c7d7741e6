package dev.firesight.app.flame;

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
        graph.breadcrumb().addListener((ListChangeListener<String>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        var names = graph.breadcrumb();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                Label sep = new Label("\u203a");
                sep.getStyleClass().add("separator");
                getChildren().add(sep);
            }
            String text = names.get(i);
            String shown = text.length() > 60 ? text.substring(0, 59) + "\u2026" : text;
            if (i == names.size() - 1) {
                Label current = new Label(shown);
                current.getStyleClass().add("current");
                current.setMinWidth(Region.USE_PREF_SIZE);
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
