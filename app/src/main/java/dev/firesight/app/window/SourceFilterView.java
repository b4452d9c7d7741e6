package dev.firesight.app.window;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Sources;

import java.util.BitSet;
import java.util.function.IntConsumer;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * Which JVM of a recording made from many (a folder of dumps from several replicas) the views show: all, or
 * one source. A source is a set of threads, so choosing one sets the tab's thread filter, the one filter every
 * view, the timeline's range and the exports already follow. With one chosen, Compare opens a diff of it
 * against the other JVMs. Shown only when the recording has two or more.
 */
final class SourceFilterView {
    /** Index 0 is every source; index i + 1 is source i. */
    private final ComboBox<Integer> sources = new ComboBox<>();
    /** Short, as the window's tool bar moves what does not fit into its overflow menu. */
    private final Button compare = new Button("Compare");
    private final HBox box = new HBox(4, sources, compare);
    private Sources shown;
    private IntConsumer onCompare;
    /** True while the chooser is set from the filter, so that it does not set the filter back. */
    private boolean syncing;

    SourceFilterView(RecordingTabViewModel vm) {
        sources.setId("source-filter");
        sources.setTooltip(new Tooltip("Show one JVM of the recordings, or all of them"));
        sources.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer i) {
                return i == null || i == 0 || shown == null ? "All JVMs" : shown.names().get(i - 1);
            }

            @Override
            public Integer fromString(String s) {
                return 0;
            }
        });
        // The button shows the short name, so the file that tells replicas apart is not cut; the list the full one.
        sources.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Integer i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i == 0 || shown == null ? "All JVMs" : shown.shortName(i - 1));
            }
        });
        compare.setId("compare-source");
        compare.setTooltip(new Tooltip("Compare this JVM with the other JVMs: a diff of this one (target) against"
                + " all the others (baseline)"));
        compare.disableProperty().bind(sources.valueProperty().isNull().or(sources.valueProperty().isEqualTo(0)));
        compare.setOnAction(e -> {
            Integer i = sources.getValue();
            if (onCompare != null && i != null && i > 0) {
                onCompare.accept(i - 1);
            }
        });
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        sources.visibleProperty().bind(box.visibleProperty());
        vm.profileProperty().addListener((o, a, p) -> show(p));
        show(vm.profileProperty().get());
        sources.valueProperty().addListener((o, a, i) -> {
            if (shown != null && i != null && !syncing) {
                BitSet threads = i == 0 ? null : shown.threads(i - 1);
                vm.threadsProperty().set(threads);
            }
        });
        // A finding about one JVM sets the filter to its threads: the chooser then names that JVM.
        vm.threadsProperty().addListener((o, a, t) -> {
            Integer pick = shown == null ? null : t == null ? Integer.valueOf(0) : sourceOf(t);
            if (pick != null && !pick.equals(sources.getValue())) {
                syncing = true;
                try {
                    sources.setValue(pick);
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** The chooser's item whose threads {@code threads} are, or null when they are not one JVM's. */
    private Integer sourceOf(BitSet threads) {
        for (int i = 0; i < shown.count(); i++) {
            if (shown.threads(i).equals(threads)) {
                return i + 1;
            }
        }
        return null;
    }

    private void show(Profile p) {
        Sources s = p == null ? null : p.sources();
        boolean many = s != null && s.count() > 1;
        shown = many ? s : null;
        sources.getItems().clear();
        if (many) {
            for (int i = 0; i <= s.count(); i++) {
                sources.getItems().add(i);
            }
            sources.setValue(0);
        }
        box.setVisible(many);
    }

    void setOnCompare(IntConsumer compare) {
        this.onCompare = compare;
    }

    Node node() {
        return box;
    }
}
