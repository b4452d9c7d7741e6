package dev.firesight.app.window;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * What the window shows with no recording open: what Firesight does and the three ways in (drop a
 * file, open one, attach to a running JVM), plus the last few recordings.
 */
final class EmptyStateView {
    private final VBox root = new VBox(14);
    private final VBox recent = new VBox(2);
    private final MainWindowViewModel vm;
    private final Runnable openDialog;

    EmptyStateView(MainWindowViewModel vm, Runnable openDialog) {
        this.vm = vm;
        this.openDialog = openDialog;
        root.setId("empty-state");
        root.getStyleClass().add("empty-state");
        root.setAlignment(Pos.CENTER);
        root.setFillWidth(false);

        Label icon = new Label(null, Icons.icon(Icons.FIRE, 64));
        icon.getStyleClass().add("empty-icon");
        Label title = new Label("No recording open");
        title.getStyleClass().add("empty-title");
        Label text = new Label("Drop a .jfr recording anywhere on this window, open one from disk, or attach to a"
                + " running JVM to record a new profile. Firesight shows CPU, allocation, lock and wall-clock"
                + " flame graphs of JDK Flight Recorder and async-profiler recordings.");
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.getStyleClass().add("empty-text");

        Button open = new Button("Open recording…", Icons.icon(Icons.OPEN));
        open.setId("empty-open");
        open.setDefaultButton(true);
        open.setOnAction(e -> openDialog.run());
        Button attach = new Button("Attach to a JVM…", Icons.icon(Icons.ATTACH));
        attach.setId("empty-attach");
        attach.setOnAction(e -> vm.attach());
        HBox buttons = new HBox(10, open, attach);
        buttons.setAlignment(Pos.CENTER);

        recent.setAlignment(Pos.CENTER);
        recent.getStyleClass().add("empty-recent");
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        root.getChildren().addAll(icon, title, text, buttons, recent);
    }

    VBox node() {
        return root;
    }

    private void fillRecent() {
        recent.getChildren().clear();
        if (vm.recentFiles().isEmpty()) {
            return;
        }
        Label heading = new Label("Recent recordings");
        heading.getStyleClass().add("section-title");
        recent.getChildren().add(heading);
        for (Path p : vm.recentFiles().subList(0, Math.min(5, vm.recentFiles().size()))) {
            Hyperlink link = new Hyperlink(String.valueOf(p.getFileName()));
            link.setTooltip(new javafx.scene.control.Tooltip(p.toString()));
            link.setOnAction(e -> vm.openFiles(java.util.List.of(p)));
            recent.getChildren().add(link);
        }
    }
}
