package dev.firesight.app.flame;

import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FrameText;

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
        graph.flameTreeProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        FlameTree tree = graph.getFlameTree();
        ColorMode mode = graph.colorModeProperty().get();
        for (FrameColors.LegendEntry e : tree == null ? FrameColors.legend(mode, null, 10) : tree.legend(mode)) {
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((e.rgb() >> 16) & 0xff, (e.rgb() >> 8) & 0xff,
                    e.rgb() & 0xff));
            swatch.getStyleClass().add("swatch");
            Label label = new Label(FrameText.display(e.label()), swatch);
            label.getStyleClass().add("legend-entry");
            getChildren().add(label);
        }
    }
}
