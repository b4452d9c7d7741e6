package dev.firesight.app.search;

import dev.firesight.app.flame.model.FrameText;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The active {@link FrameFilters} as removable buttons ("Focus: Foo.bar ✕", "Excluded: Baz.qux ✕"); hidden
 * while there are none. Clicking one removes that filter.
 */
public final class FrameFilterBar {
    private final HBox root = new HBox(4);
    private final FrameFilters filters;

    public FrameFilterBar(String idPrefix, FrameFilters filters) {
        this.filters = filters;
        root.setId(idPrefix + "-filters");
        root.getStyleClass().add("frame-filters");
        root.setAlignment(Pos.CENTER_LEFT);
        InvalidationListener rebuild = o -> rebuild(idPrefix);
        for (var c : filters.changes()) {
            c.addListener(rebuild);
        }
        rebuild(idPrefix);
    }

    private void rebuild(String idPrefix) {
        root.getChildren().clear();
        String focus = filters.focusProperty().get();
        if (focus != null && !focus.isEmpty()) {
            Button b = chip("Focus: ", focus, () -> filters.focusProperty().set(null));
            b.setId(idPrefix + "-clear-focus");
            root.getChildren().add(b);
        }
        for (String frame : java.util.List.copyOf(filters.excluded())) {
            Button b = chip("Excluded: ", frame, () -> filters.excluded().remove(frame));
            b.getStyleClass().add("excluded");
            root.getChildren().add(b);
        }
        root.setVisible(!root.getChildren().isEmpty());
        root.setManaged(root.isVisible());
    }

    private static Button chip(String what, String frame, Runnable remove) {
        Button b = new Button(what + FrameText.withoutPackage(FrameText.display(frame)) + "  \u2715");
        b.getStyleClass().add("frame-filter");
        b.setMnemonicParsing(false);
        b.setTooltip(new Tooltip(what + frame + "\nClick to remove"));
        b.setFocusTraversable(false);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // beside the breadcrumb, the crumbs shrink first
        b.setOnAction(e -> remove.run());
        return b;
    }

    public HBox node() {
        return root;
    }
}
