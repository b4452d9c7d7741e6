package dev.firesight.app.window;

import dev.firesight.app.format.Units;
import dev.firesight.parser.ViewKind;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Hot methods beside the flame graph: a sortable, filterable table of self and total weight, and under
 * it the callers and callees of the selected method (a butterfly view). Selecting a row selects the
 * method in the tab, which highlights all its frames in the flame graph.
 */
public final class HotMethodsView {
    private final RecordingTabViewModel vm;
    private final TextField filter = new TextField();
    private final FilteredList<MethodRow> filtered;
    private final TableView<MethodRow> table = new TableView<>();
    private final TableView<MethodRow> callers = new TableView<>();
    private final TableView<MethodRow> callees = new TableView<>();
    private final Label butterflyTitle = new Label("Select a method to see its callers and callees.");
    private final VBox root;
    private boolean syncing;

    public HotMethodsView(RecordingTabViewModel vm) {
        this.vm = vm;
        filter.setPromptText("Filter methods");
        filter.setId("method-filter");
        filtered = new FilteredList<>(vm.hotMethods());
        filter.textProperty().addListener((o, a, text) -> {
            String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(m -> lower.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(lower));
        });
        SortedList<MethodRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("hot-methods");
        table.getStyleClass().add("hot-methods");
        table.setPlaceholder(new Label("No methods in this view."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MethodRow, String> name = nameColumn("Method", 260);
        TableColumn<MethodRow, MethodRow> self = weightColumn("Self", MethodRow::self, MethodRow::selfFraction);
        TableColumn<MethodRow, MethodRow> total = weightColumn("Total", MethodRow::total, MethodRow::totalFraction);
        table.getColumns().setAll(java.util.List.of(name, self, total));
        table.getSortOrder().setAll(java.util.List.of(self));
        table.setContextMenu(rowMenu());
        self.setSortType(TableColumn.SortType.DESCENDING);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncing && row != null) {
                syncing = true; // the row is already selected and in sight: no scrolling back to it
                try {
                    vm.selectedMethodProperty().set(row.nameId());
                } finally {
                    syncing = false;
                }
            }
        });
        vm.selectedMethodProperty().addListener((o, a, id) -> {
            if (!syncing) {
                selectRow(id.intValue());
            }
        });
        vm.hotMethods().addListener((javafx.collections.ListChangeListener<MethodRow>) c ->
                selectRow(vm.selectedMethodProperty().get()));

        setUpButterflyTable(callers, "Callers", "callers");
        setUpButterflyTable(callees, "Callees", "callees");
        vm.butterflyProperty().addListener((o, a, b) -> {
            callers.setItems(FXCollections.observableArrayList(b.callers()));
            callees.setItems(FXCollections.observableArrayList(b.callees()));
            int id = vm.selectedMethodProperty().get();
            butterflyTitle.setText(id < 0 ? "Select a method to see its callers and callees."
                    : "Callers and callees of " + shortName(shownName(id)));
        });
        butterflyTitle.getStyleClass().add("section-title");
        butterflyTitle.setId("butterfly-title");
        butterflyTitle.setWrapText(true);

        VBox top = new VBox(4, filter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane butterfly = new SplitPane(callers, callees);
        butterfly.setOrientation(Orientation.VERTICAL);
        VBox bottom = new VBox(4, butterflyTitle, butterfly);
        VBox.setVgrow(butterfly, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getStyleClass().add("hot-methods-pane");
    }

    /** A method's name in the profile the result was computed on: transforms may have made it up. */
    private String shownName(int nameId) {
        QueryResult r = vm.resultProperty().get();
        return r == null ? "" : r.tree().profile().frames().nameOf(nameId);
    }

    /** The transforms and sandwich of the row right-clicked, as the flame graph offers them. */
    private javafx.scene.control.ContextMenu rowMenu() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        // Filled before the table shows it (an empty menu does not show), for the row under the pointer.
        table.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            MethodRow row = rowAt(e.getPickResult().getIntersectedNode());
            if (row != null) {
                table.getSelectionModel().select(row);
            } else {
                row = table.getSelectionModel().getSelectedItem();
            }
            menu.getItems().setAll(row == null ? java.util.List.of() : FrameActions.of(vm, row.name(), row.nameId()));
        });
        return menu;
    }

    private static MethodRow rowAt(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof MethodRow m) {
                return m;
            }
        }
        return null;
    }

    public VBox node() {
        return root;
    }

    public TableView<MethodRow> table() {
        return table;
    }

    public TableView<MethodRow> callersTable() {
        return callers;
    }

    public TableView<MethodRow> calleesTable() {
        return callees;
    }

    public TextField filterField() {
        return filter;
    }

    private void selectRow(int nameId) {
        syncing = true;
        try {
            if (nameId < 0) {
                table.getSelectionModel().clearSelection();
                return;
            }
            Tables.selectFirst(table, r -> r.nameId() == nameId);
        } finally {
            syncing = false;
        }
    }

    private void setUpButterflyTable(TableView<MethodRow> t, String title, String id) {
        t.setId(id);
        t.getStyleClass().add("butterfly");
        Label hint = new Label("Select a method in the table or the flame graph.");
        hint.getStyleClass().add("hint");
        t.setPlaceholder(hint);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MethodRow, String> name = nameColumn(title, 260);
        TableColumn<MethodRow, MethodRow> w = weightColumn("Weight", MethodRow::total, MethodRow::totalFraction);
        t.getColumns().setAll(java.util.List.of(name, w));
        t.setRowFactory(tv -> {
            javafx.scene.control.TableRow<MethodRow> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().nameId() >= 0) {
                    vm.selectedMethodProperty().set(row.getItem().nameId());
                }
            });
            return row;
        });
    }

    private static TableColumn<MethodRow, String> nameColumn(String title, double width) {
        TableColumn<MethodRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().name()));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : shortName(item));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    private TableColumn<MethodRow, MethodRow> weightColumn(String title, ToLongFunction<MethodRow> value,
                                                           Function<MethodRow, Double> fraction) {
        TableColumn<MethodRow, MethodRow> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparingLong(value));
        c.setPrefWidth(130);
        c.setMinWidth(110);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(MethodRow item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                ViewKind v = vm.viewProperty().get();
                String w = v == null ? Units.count(value.applyAsLong(item)) : compact(value.applyAsLong(item), v);
                setText(w + "  " + String.format(Locale.ROOT, "%.1f%%", 100 * fraction.apply(item)));
            }
        });
        c.getStyleClass().add("weight-column");
        return c;
    }

    /** A weight without the word "samples", which the column title already implies. */
    static String compact(long value, ViewKind view) {
        return view.unit() == ViewKind.Unit.SAMPLES ? Units.count(value) : Units.weight(value, view.unit());
    }

    /**
     * "java.util.HashMap.put" → "HashMap.put", "java.lang.String" → "String": the class and method, which
     * is what people scan for (the full name is in the tooltip).
     */
    public static String shortName(String name) {
        int paren = name.indexOf('(');
        String head = paren >= 0 ? name.substring(0, paren) : name;
        String[] parts = head.split("\\.");
        String last = parts[parts.length - 1];
        if (!last.isEmpty() && (Character.isUpperCase(last.charAt(0)) || last.endsWith("[]"))) {
            return last; // a class, as allocation views name frames: java.lang.String → String
        }
        if (parts.length < 3) {
            return name;
        }
        int cls = parts.length - 2;
        while (cls > 0 && (parts[cls].isEmpty() || Character.isDigit(parts[cls].charAt(0)))) {
            cls--; // a lambda's or hidden class's numeric suffix: keep the class before it
        }
        int start = 0;
        for (int i = 0; i < cls; i++) {
            start += parts[i].length() + 1;
        }
        String tail = name.substring(start);
        // a hidden class's address and id say nothing to a reader: Foo$$Lambda$89+0x0000.123.run → Foo$$Lambda$89.run
        return tail.replaceAll("[+.]0x[0-9a-fA-F]+", "").replaceAll("\\.\\d+(?=\\.)", "");
    }
}
