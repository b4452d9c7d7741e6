package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.app.search.SearchBar;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.Transform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The part of the window's toolbar that belongs to one recording tab: back, the view selector, reverse, icicle
 * and "only my code" toggles, the thread filter, and the search bar.
 */
final class RecordingToolBar {
    private final HBox root = new HBox(6);
    private final Button back = new Button(null, Icons.icon(Icons.BACK));
    private final ComboBox<ViewKind> views = new ComboBox<>();
    private final ToggleButton reverse = new ToggleButton(null, Icons.icon(Icons.REVERSE));
    private final ToggleButton icicle = new ToggleButton(null, Icons.icon(Icons.ICICLE));
    private final ToggleButton onlyMyCode = new ToggleButton("Only my code");
    private final SearchBar search;
    private final ThreadFilterView threads;
    private final SourceFilterView sources;

    RecordingToolBar(RecordingTabViewModel vm, FlameGraph flame) {
        root.getStyleClass().add("recording-toolbar");
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        back.setId("back");
        back.setTooltip(new Tooltip("Back to where you were before opening a finding or a leak suspect (Alt+Left)"));
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.canGoBackProperty().not());

        views.setId("view-selector");
        views.setItems(vm.views());
        views.valueProperty().bindBidirectional(vm.viewProperty());
        views.setCellFactory(l -> new ViewCell());
        views.setButtonCell(new ViewCell());
        // The button shows the value through the converter too (when the value came before its item in the list,
        // it said "ALLOC" where the list said "Allocations (bytes)")
        views.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ViewKind v) {
                return v == null ? "" : v.title();
            }

            @Override
            public ViewKind fromString(String s) {
                return null; // not editable
            }
        });
        views.setTooltip(new Tooltip("Which samples the flame graph shows"));
        views.setPromptText("View");

        reverse.setId("reverse");
        reverse.selectedProperty().bindBidirectional(vm.reverseProperty());
        reverse.setTooltip(new Tooltip("Reverse: merge stacks from the leaf (bottom-up, who calls the hot methods)"));
        icicle.setId("icicle");
        icicle.selectedProperty().bindBidirectional(vm.icicleProperty());
        icicle.setTooltip(new Tooltip("Icicle: draw the root at the top"));

        onlyMyCode.setId("only-my-code");
        onlyMyCode.setTooltip(new Tooltip("Only my code: hide JDK and library frames ("
                + String.join(" ", Transform.LIBRARY_PREFIXES) + "), keeping their weight on the caller"));
        // A transform like the others (its chip removes it too); the toggle shows whether it is applied.
        Transform mine = Transform.OnlyMyCode.hiding(java.util.List.of());
        onlyMyCode.setOnAction(e -> {
            if (onlyMyCode.isSelected()) {
                vm.addTransform(mine);
            } else {
                vm.removeTransform(mine);
            }
        });
        vm.transformsProperty().addListener((o, a, t) -> onlyMyCode.setSelected(t.list().contains(mine)));

        threads = new ThreadFilterView(vm);
        sources = new SourceFilterView(vm);

        search = new SearchBar("search", vm.search(), vm.searchProperty(), flame.matchPositionProperty(),
                flame::previousMatch, flame::nextMatch);

        root.getChildren().addAll(back, views, new LiveAgeFilter(vm).node(), reverse, icicle, onlyMyCode,
                sources.node(), threads.node(), new Separator(javafx.geometry.Orientation.VERTICAL),
                search.node());
        // A partial profile left by a read that stopped early can be explored as well; one still growing cannot.
        root.disableProperty().bind(vm.stateProperty().isNotEqualTo(RecordingTabViewModel.State.READY)
                .and(vm.stoppedProperty().not()));
        // In a narrow window the search field shrinks first; no button or chooser is cut to "…".
        keepWidth(root);
    }

    private void keepWidth(javafx.scene.Parent parent) {
        for (javafx.scene.Node n : parent.getChildrenUnmodifiable()) {
            if (n == search.node()) {
                continue;
            }
            if (n instanceof HBox box) {
                keepWidth(box);
            } else if (n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    SourceFilterView sources() {
        return sources;
    }

    HBox node() {
        return root;
    }

    SearchBar searchBar() {
        return search;
    }

    ToggleButton onlyMyCode() {
        return onlyMyCode;
    }

    ComboBox<ViewKind> viewSelector() {
        return views;
    }

    ThreadFilterView threadFilter() {
        return threads;
    }

    private static final class ViewCell extends ListCell<ViewKind> {
        @Override
        protected void updateItem(ViewKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
