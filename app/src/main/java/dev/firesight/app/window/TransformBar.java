package dev.firesight.app.window;

import dev.firesight.parser.query.Transform;
import dev.firesight.parser.query.Transforms;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * The transforms a tab applies, as removable chips above its flame graph: each names its transform, and its
 * ✕ takes it away, which brings back the view as it was without it. Hidden while there are none.
 */
final class TransformBar {
    static final String CHIP = "transform-chip";

    private final RecordingTabViewModel vm;
    private final FlowPane root = new FlowPane(6, 4);

    TransformBar(RecordingTabViewModel vm) {
        this.vm = vm;
        root.setId("transform-bar");
        root.getStyleClass().add("transform-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        vm.transformsProperty().addListener((o, a, t) -> show(t));
        show(vm.transformsProperty().get());
    }

    FlowPane node() {
        return root;
    }

    private void show(Transforms transforms) {
        root.getChildren().clear();
        if (!transforms.isEmpty()) {
            Label title = new Label("Transforms:");
            title.getStyleClass().add("transform-bar-title");
            root.getChildren().add(title);
        }
        for (Transform t : transforms.list()) {
            root.getChildren().add(chip(t));
        }
        root.setVisible(!transforms.isEmpty());
        root.setManaged(!transforms.isEmpty());
    }

    private HBox chip(Transform t) {
        Label text = new Label(t.label());
        Button remove = new Button("\u2715");
        remove.getStyleClass().add("transform-chip-remove");
        remove.setTooltip(new Tooltip("Remove this transform"));
        remove.setOnAction(e -> vm.removeTransform(t));
        HBox chip = new HBox(4, text, remove);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add(CHIP);
        chip.setUserData(t);
        Tooltip.install(chip, new Tooltip(t.spec() + "  (the same on the command line: --transform " + t.spec() + ")"));
        return chip;
    }
}
