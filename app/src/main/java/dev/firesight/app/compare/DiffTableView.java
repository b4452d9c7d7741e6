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

import java.util.function.Function;

/**
 * The methods of a comparison with their self weight in each capture, largest change first. Selecting a
 * row highlights the method's frames in the diff flame graph; selecting a frame selects its row.
 */
public final class DiffTableView {
    private final ComparisonViewModel vm;
    private final TableView<DiffMethods.Row> table = new TableView<>();
    private boolean syncing;

    public DiffTableView(ComparisonViewModel vm, FlameGraph graph) {
        this.vm = vm;
        table.setId("compare-methods");
        table.setItems(vm.methods());
        table.setPlaceholder(new Label("No methods with self weight"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DiffMethods.Row, String> name = new TableColumn<>("Method (self)");
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
        table.getColumns().add(name);
        table.getColumns().add(number("Baseline", DiffMethods.Row::base, false));
        table.getColumns().add(number("Target", DiffMethods.Row::target, false));
        TableColumn<DiffMethods.Row, Number> delta = number("\u0394", DiffMethods.Row::delta, true);
        table.getColumns().add(delta);
        TableColumn<DiffMethods.Row, Number> rel = new TableColumn<>("\u0394 %");
        rel.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().relative()));
        rel.setCellFactory(c -> cell(v -> DiffFlameTree.relative(v.doubleValue())));
        rel.setPrefWidth(70);
        table.getColumns().add(rel);

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
        return col;
    }

    private static TableCell<DiffMethods.Row, Number> cell(Function<Number, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                getStyleClass().removeAll("grew", "shrank");
                if (!empty && item != null && getTableColumn().getText().startsWith("\u0394")) {
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
        return table;
    }
}
