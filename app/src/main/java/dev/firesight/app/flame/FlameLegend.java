package dev.firesight.app.flame;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** Swatches explaining a flame graph's colours in its current mode. */
public final class FlameLegend extends FlowPane {
    private final FlameGraph graph;

    FlameLegend(FlameGraph graph) {
        this.graph = graph;
        getStyleClass().add(FlameGraph.LEGEND_STYLE_CLASS);
        setHgap(12);
        setVgap(4);
        graph.colorModeProperty().addListener((o, a, b) -> rebuild());
        graph.treeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (FrameColors.LegendEntry e : FrameColors.legend(graph.colorModeProperty().get(), graph.getTree(), 10)) {
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((e.rgb() >> 16) & 0xff, (e.rgb() >> 8) & 0xff,
                    e.rgb() & 0xff));
            swatch.getStyleClass().add("swatch");
            Label label = new Label(FrameText.display(e.label()), swatch);
            label.getStyleClass().add("legend-entry");
            getChildren().add(label);
        }
    }
}
