package dev.firesight.app.window;

import dev.firesight.app.timeline.TimeFormat;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The side panel's explaining lists (findings, leak suspects) drawn one way: each item a bold title over
 * wrapped sentences, the list's status sentence where it is empty, and a click or Enter opening the item.
 */
final class InsightLists {
    private InsightLists() {
    }

    /** How one item reads: a title, the lines under it, and a tooltip. */
    record Item(String title, String tooltip, String... lines) {
    }

    /** A list of {@code items}, with the sentence to show where there are none. */
    static <T> ListView<T> of(String id, javafx.collections.ObservableList<T> items,
                              javafx.beans.property.ReadOnlyStringProperty status, Function<T, Item> item,
                              Consumer<T> open) {
        ListView<T> view = new ListView<>(items);
        view.setId(id);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(320);
        placeholder.getStyleClass().add("insight-placeholder");
        placeholder.textProperty().bind(status);
        // At the top, where the items would be: centred in a tall side panel the sentence sat below the fold, and
        // two users took the tab for empty.
        VBox top = new VBox(placeholder);
        top.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        top.setPadding(new javafx.geometry.Insets(12, 8, 8, 8));
        top.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        view.setPlaceholder(top);
        view.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                Item it = item.apply(t);
                Label title = new Label(it.title());
                title.getStyleClass().add("insight-title");
                title.setWrapText(true);
                title.maxWidthProperty().bind(v.widthProperty().subtract(36));
                VBox box = new VBox(2, title);
                for (String line : it.lines()) {
                    Label l = new Label(line);
                    l.setWrapText(true);
                    l.maxWidthProperty().bind(v.widthProperty().subtract(36));
                    box.getChildren().add(l);
                }
                setGraphic(box);
                setTooltip(new Tooltip(it.tooltip()));
            }
        });
        view.setOnMouseClicked(e -> {
            T t = view.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && t != null) {
                open.accept(t);
            }
        });
        view.setOnKeyPressed(e -> {
            T t = view.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && t != null) {
                open.accept(t);
            }
        });
        return view;
    }

    static Node findings(InsightsViewModel vm) {
        // The title alone: a finding's share orders the list, but for some rules (heap growth, a leak) it is a
        // rank rather than a share of anything, so a percentage beside it read as a confidence.
        // Of several JVMs, a finding about one names it in its sentence; one about all of them says so.
        ListView<dev.firesight.parser.findings.Finding> list = of("findings", vm.shownFindings(), vm.shownFindingsStatusProperty(), f -> new Item(
                f.title() + (vm.severalJvms() && f.evidence().source() < 0 ? "  \u00b7  all JVMs" : ""),
                (f.evidence().series() != null ? "Click to show it on the timeline, with the " + f.evidence().view().title() + " view"
                        : "Click to open the " + f.evidence().view().title() + " view that shows it"), f.sentence()), vm::open);
        // They follow the time selection: the line above says of which part they are, so they are not read as the
        // whole recording's.
        return withBasis(basis("findings-basis", javafx.beans.binding.Bindings.createStringBinding(() -> {
            dev.firesight.parser.query.TimeRange r = vm.findingsRangeProperty().get();
            return r == null ? "" : "Of the selected range, " + TimeFormat.relative(r.fromNanos()) + " to "
                    + TimeFormat.relative(r.toNanos()) + " (" + TimeFormat.duration(r.durationNanos())
                    + "); clear the selection for the whole recording's.";
        }, vm.findingsRangeProperty())), list);
    }

    /** A line above a list saying what its items are drawn from, shown while it has something to say. */
    private static Label basis(String id, javafx.beans.value.ObservableStringValue text) {
        Label basis = new Label();
        basis.setId(id);
        basis.setWrapText(true);
        basis.getStyleClass().add("insight-basis");
        basis.textProperty().bind(text);
        basis.visibleProperty().bind(basis.textProperty().isNotEmpty());
        basis.managedProperty().bind(basis.visibleProperty());
        basis.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        return basis;
    }

    private static Node withBasis(Label basis, ListView<?> list) {
        javafx.scene.layout.VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(basis, list);
    }

    /** The suspects under a line saying what they are drawn from (and how to see who holds them, if unknown). */
    static Node leakSuspects(InsightsViewModel vm) {
        ListView<dev.firesight.parser.query.LeakSuspects.Suspect> list = of("leak-suspects", vm.shownSuspects(),
                vm.shownSuspectsStatusProperty(), s -> s.holders().isEmpty()
                ? new Item(title(s), tip(s), s.reason())
                : new Item(title(s), tip(s), s.unheld(), chain(s)), vm::open); // the chain drawn, not said twice
        return withBasis(basis("leak-suspects-basis", vm.suspectsBasisProperty()), list);
    }

    static Node classGrowth(InsightsViewModel vm) {
        return of("live-set", vm.shownGrowth(), vm.shownGrowthStatusProperty(), g -> new Item(g.className(),
                "Click to see where " + g.className() + " is allocated", g.sentence()), vm::open);
    }

    private static String title(dev.firesight.parser.query.LeakSuspects.Suspect s) {
        return s.className() + (s.site() == null ? "" : "  \u00b7  " + s.site());
    }

    private static String tip(dev.firesight.parser.query.LeakSuspects.Suspect s) {
        return s.stack() < 0 ? "No allocation stack was recorded" : "Click to open where it was allocated";
    }

    /** The chain from the GC root down to the object, one holder per line, indented as it descends. */
    static String chain(dev.firesight.parser.query.LeakSuspects.Suspect s) {
        StringBuilder out = new StringBuilder(s.root() == null ? "GC root" : "GC root: " + s.root());
        String indent = "";
        for (String holder : s.holders()) {
            indent += "  ";
            out.append('\n').append(indent).append("\u21b3 ").append(holder);
        }
        out.append('\n').append(indent).append("  \u21b3 ").append(s.className()).append(String.format(
                java.util.Locale.ROOT, "   (%,d of %,d sampled objects on this path)", s.sharing(), s.count()));
        return out.toString();
    }
}
