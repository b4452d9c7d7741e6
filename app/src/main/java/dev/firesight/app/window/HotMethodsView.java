package dev.firesight.app.window;

import dev.firesight.app.format.Units;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.AllocationSites;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Hot methods beside the flame graph: a sortable, filterable table of self and total weight, and under
 * it the callers and callees of the selected method (a butterfly view). Selecting a row selects the
 * method in the tab, which highlights all its frames in the flame graph. In allocation views the table
 * lists either allocating methods or allocated classes, as the user picks; while a query runs it shows
 * progress rather than "no methods".
 */
public final class HotMethodsView {
    private final RecordingTabViewModel vm;
    private final TextField filter = new TextField();
    private final FilteredList<MethodRow> filtered;
    private final TableView<MethodRow> table = new TableView<>();
    private final TableView<MethodRow> callers = new TableView<>();
    private final TableView<MethodRow> callees = new TableView<>();
    private final Label butterflyTitle = new Label("Select a method to see its callers and callees.");
    private final ToggleButton byMethod = new ToggleButton(AllocationSites.By.METHOD.title());
    private final ToggleButton byClass = new ToggleButton(AllocationSites.By.CLASS.title());
    private final TableColumn<MethodRow, MethodRow> totalColumn;
    private final TableColumn<MethodRow, MethodRow> nameColumn;
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
        table.setPlaceholder(Tables.placeholder(vm.query().queryingProperty(), "No methods in this view."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MethodRow, MethodRow> name = nameColumn("Method", 260);
        TableColumn<MethodRow, MethodRow> self = weightColumn("Self", MethodRow::self, MethodRow::selfFraction);
        TableColumn<MethodRow, MethodRow> total = weightColumn("Total", MethodRow::total, MethodRow::totalFraction);
        nameColumn = name;
        totalColumn = total;
        table.getColumns().setAll(java.util.List.of(name, self, total));
        Tables.sortLargestFirst(table, self, total);
        table.getSortOrder().setAll(java.util.List.of(self));
        table.setContextMenu(rowMenu());
        Tables.keepSelectionInView(table);
        setUpGrouping();

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
                    : "Callers and callees of " + label(shownName(id)));
        });
        butterflyTitle.getStyleClass().add("section-title");
        butterflyTitle.setId("butterfly-title");
        butterflyTitle.setWrapText(true);

        HBox grouping = new HBox(byMethod, byClass);
        grouping.getStyleClass().add("allocation-grouping");
        grouping.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> RecordingQueryViewModel.groups(vm.viewProperty().get()), vm.viewProperty()));
        grouping.managedProperty().bind(grouping.visibleProperty());
        VBox top = new VBox(4, grouping, filter, table);
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

    /** The allocation views' choice: allocating methods or allocated classes. */
    ToggleButton groupingButton(AllocationSites.By by) {
        return by == AllocationSites.By.METHOD ? byMethod : byClass;
    }

    /**
     * In allocation views the table lists allocating methods or allocated classes, and its columns say
     * which; a class's self and total are the same, so only one weight column shows.
     */
    private void setUpGrouping() {
        ToggleGroup group = new ToggleGroup();
        byMethod.setId("group-by-method");
        byClass.setId("group-by-class");
        byMethod.setToggleGroup(group);
        byClass.setToggleGroup(group);
        byMethod.setTooltip(new javafx.scene.control.Tooltip("The methods that allocate: self is what each allocates itself"));
        byClass.setTooltip(new javafx.scene.control.Tooltip("The classes allocated"));
        Runnable show = () -> {
            AllocationSites.By by = vm.query().allocationGroupingProperty().get();
            group.selectToggle(groupingButton(by));
            boolean grouped = RecordingQueryViewModel.groups(vm.viewProperty().get());
            nameColumn.setText(grouped ? by.title() : "Method");
            totalColumn.setVisible(!grouped || by == AllocationSites.By.METHOD);
            filter.setPromptText(grouped && by == AllocationSites.By.CLASS ? "Filter classes" : "Filter methods");
        };
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                group.selectToggle(a); // one of the two is always chosen
            } else {
                vm.query().allocationGroupingProperty().set(t == byClass ? AllocationSites.By.CLASS
                        : AllocationSites.By.METHOD);
            }
        });
        vm.query().allocationGroupingProperty().addListener((o, a, b) -> show.run());
        vm.viewProperty().addListener((o, a, b) -> show.run());
        show.run();
    }

    /** How the tables name a method of the current query (unique among its methods). */
    private String label(String name) {
        QueryResult r = vm.resultProperty().get();
        String label = r == null ? null : r.labels().get(name);
        return label != null ? label : dev.firesight.app.format.MethodNames.shortName(name);
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
        TableColumn<MethodRow, MethodRow> name = nameColumn(title, 260);
        TableColumn<MethodRow, MethodRow> w = weightColumn("Weight", MethodRow::total, MethodRow::totalFraction);
        t.getColumns().setAll(java.util.List.of(name, w));
        Tables.sortLargestFirst(t, w);
        Tables.keepSelectionInView(t);
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

    /** Names as {@link MethodRow#label()}, unique among the query's methods; the full name on hover. */
    private static TableColumn<MethodRow, MethodRow> nameColumn(String title, double width) {
        TableColumn<MethodRow, MethodRow> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparing(MethodRow::label, String.CASE_INSENSITIVE_ORDER));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            @Override
            protected void updateItem(MethodRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                tip.setText(empty || item == null ? "" : item.name());
                setTooltip(empty || item == null ? null : tip);
            }
        });
        return c;
    }

    private TableColumn<MethodRow, MethodRow> weightColumn(String title, ToLongFunction<MethodRow> value,
                                                           Function<MethodRow, Double> fraction) {
        TableColumn<MethodRow, MethodRow> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparingLong(value));
        // Wide enough for "591 GiB  100.0%" at the window's default font: at 110 px the share was cut.
        c.setPrefWidth(140);
        c.setMinWidth(128);
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
}
