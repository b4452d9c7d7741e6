package dev.firesight.app.compare;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.flame.model.FrameText;
import dev.firesight.app.format.MethodNames;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import dev.firesight.parser.query.ShareChange;

import java.util.function.Function;

/**
 * The methods of a comparison with their self (or, "By total", total) weight in each capture, largest change first. Selecting a
 * row highlights the method's frames in the diff flame graph; selecting a frame selects its row.
 */
public final class DiffTableView {
    private final ComparisonViewModel vm;
    private final TableView<DiffMethods.Row> table = new TableView<>();
    private final javafx.scene.control.CheckBox hideNoise = new javafx.scene.control.CheckBox("Only significant changes");
    private final javafx.scene.control.CheckBox byTotal = new javafx.scene.control.CheckBox("By total");
    private final javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4,
            new javafx.scene.layout.HBox(12, hideNoise, byTotal), table);
    private boolean syncing;

    public DiffTableView(ComparisonViewModel vm, FlameGraph graph) {
        this.vm = vm;
        table.setId("compare-methods");
        table.setItems(vm.methods());
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(4, 0, 0, 4));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DiffMethods.Row, String> name = new TableColumn<>("Method (self)");
        byTotal.setId("diff-by-total");
        byTotal.selectedProperty().bindBidirectional(vm.byTotalProperty());
        byTotal.setTooltip(new Tooltip("Weigh each method by the stacks through it (with what it calls), not only"
                + " by its own frames: a caller whose calls grew shows its change"));
        name.textProperty().bind(javafx.beans.binding.Bindings.when(vm.byTotalProperty())
                .then("Method (total)").otherwise("Method (self)"));
        table.placeholderProperty().bind(javafx.beans.binding.Bindings.when(vm.byTotalProperty())
                .then((Node) new Label("No methods")).otherwise((Node) new Label("No methods with self weight")));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(FrameText.display(c.getValue().name())));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : MethodNames.shortName(item));
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        name.setPrefWidth(230);
        // Every column keeps room for its figures; in a narrow window the table scrolls sideways instead of
        // cutting them to "11.8…" and "noise (-0.4…".
        name.setMinWidth(140);
        table.getColumns().add(name);
        table.getColumns().add(number("Baseline", DiffMethods.Row::base, false));
        table.getColumns().add(number("Target", DiffMethods.Row::target, false));
        TableColumn<DiffMethods.Row, Number> delta = number("\u0394", DiffMethods.Row::delta, true);
        table.getColumns().add(delta);
        TableColumn<DiffMethods.Row, Number> rel = new TableColumn<>("\u0394 %");
        rel.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().relative()));
        rel.setCellFactory(c -> cell(v -> DiffFlameTree.relative(v.doubleValue())));
        rel.setPrefWidth(70);
        rel.setMinWidth(64);
        table.getColumns().add(rel);
        // Of the share, whatever the Δ columns are normalised to: significance is judged on shares in every mode, and
        // beside absolute counts an interval in points read as contradicting them (a user found a "+26 pts" interval
        // beside a change of -503 samples).
        TableColumn<DiffMethods.Row, String> noise = new TableColumn<>("Share change, 95% interval");
        noise.setCellValueFactory(c -> new ReadOnlyStringWrapper(interval(c.getValue())));
        noise.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                DiffMethods.Row row = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null ? null : new Tooltip("Share of the capture: " + row.change().describe()));
                getStyleClass().remove("noise");
                if (row != null && !row.significant()) {
                    getStyleClass().add("noise");
                }
            }
        });
        noise.setPrefWidth(175);
        noise.setMinWidth(130);
        table.getColumns().add(noise);
        // The columns fill the table while their minimum widths fit; narrower, it scrolls sideways.
        table.widthProperty().addListener((o, a, w) -> {
            double needed = table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 24;
            table.setColumnResizePolicy(w.doubleValue() >= needed
                    ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY);
        });
        hideNoise.setId("hide-noise");
        hideNoise.selectedProperty().bindBidirectional(vm.hideNoiseProperty());
        hideNoise.setTooltip(new Tooltip("Hide methods whose change of share is within sampling noise (95%)"));

        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncing) {
                graph.highlightedNameIdProperty().set(row == null ? -1 : row.nameId());
            }
        });
        graph.selectedNodeProperty().addListener((o, a, b) -> {
            FlameTree t = graph.getFlameTree();
            int node = b.intValue();
            if (t == null || node <= FlameTree.ROOT || node >= t.size()) {
                return;
            }
            // A class frame (allocation, lock) stands for the method below it, as in the table.
            int method = t.kind(node) == dev.firesight.parser.FrameKind.CLASS && t.parent(node) > FlameTree.ROOT
                    ? t.parent(node) : node;
            int id = t.nameId(method);
            syncing = true;
            try {
                dev.firesight.app.window.Tables.selectFirst(table, r -> r.nameId() == id);
            } finally {
                syncing = false;
            }
        });
    }

    private TableColumn<DiffMethods.Row, Number> number(String title, Function<DiffMethods.Row, Double> value,
                                                        boolean signed) {
        TableColumn<DiffMethods.Row, Number> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setCellFactory(c -> cell(v -> {
            DiffFlameTree t = vm.diffFlameProperty().get();
            return t == null ? "" : t.value(v.doubleValue(), signed);
        }));
        col.setPrefWidth(signed ? 95 : 70);
        col.setMinWidth(signed ? 80 : 64);
        return col;
    }

    private static TableCell<DiffMethods.Row, Number> cell(Function<Number, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                getStyleClass().removeAll("grew", "shrank");
                DiffMethods.Row row = getTableRow() == null ? null : getTableRow().getItem();
                boolean noise = row != null && !row.significant(); // drawn neutral, however large
                if (!empty && item != null && !noise && getTableColumn().getText().startsWith("\u0394")) {
                    double v = item.doubleValue();
                    if (v > 0) {
                        getStyleClass().add("grew");
                    } else if (v < 0) {
                        getStyleClass().add("shrank");
                    }
                }
            }
        };
    }

    public TableView<DiffMethods.Row> table() {
        return table;
    }

    public Node node() {
        return box;
    }

    /**
     * The 95 % interval of the change of the method's self share, in points, and whether it is more than noise:
     * "+0.8 to +1.8 pts" or "noise (−0.2 to +0.4)".
     */
    static String interval(DiffMethods.Row row) {
        ShareChange c = row.change();
        String range = String.format(java.util.Locale.ROOT, "%+.2f to %+.2f", 100 * c.low(), 100 * c.high());
        return c.significant() ? range + " pts" : "noise (" + range + ")";
    }
}
