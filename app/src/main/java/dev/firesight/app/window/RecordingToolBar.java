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
    /**
     * The tools, then the search bar: on one row while its field can shrink enough for the rest of it to fit,
     * else on a second row of its own (see {@link #placeSearch}). Cut at the window's edge instead, the search's
     * buttons and what it matched were lost in a narrow window (a user's at 1000 pixels).
     */
    private final javafx.scene.layout.VBox root = new javafx.scene.layout.VBox(4);
    private final HBox row = new HBox(6);
    private final HBox tools = new HBox(6);
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

        tools.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        tools.getChildren().addAll(back, views, new LiveAgeFilter(vm).node(), reverse, icicle, onlyMyCode,
                sources.node(), threads.node(), new Separator(javafx.geometry.Orientation.VERTICAL));
        HBox.setHgrow(search.node(), javafx.scene.layout.Priority.ALWAYS);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getChildren().addAll(tools, search.node());
        root.getChildren().add(row);
        // All the width the window's toolbar has for it, whichever row the search is on: its own width would stay
        // as narrow as two rows made it, and the search would never come back up.
        HBox.setHgrow(root, javafx.scene.layout.Priority.ALWAYS);
        root.setMinWidth(0); // given less than the one row needs, so that it knows to make two
        // Moved after the layout pass that changed the width: rows changed within it were not laid out again.
        root.widthProperty().addListener(o -> javafx.application.Platform.runLater(this::placeSearch));
        search.matchedTextProperty().addListener(o -> javafx.application.Platform.runLater(this::placeSearch));
        // A partial profile left by a read that stopped early can be explored as well; one still growing cannot.
        root.disableProperty().bind(vm.stateProperty().isNotEqualTo(RecordingTabViewModel.State.READY)
                .and(vm.stoppedProperty().not()));
        // No button or chooser is cut to "…".
        keepWidth(tools);
    }

    /** Puts the search bar beside the tools when its narrowest form fits there, else on the row below. */
    private void placeSearch() {
        javafx.scene.Node bar = search.node();
        double width = root.getWidth();
        boolean fits = width <= 0 || width >= tools.prefWidth(-1) + row.getSpacing() + bar.minWidth(-1);
        if (fits && bar.getParent() != row) {
            root.getChildren().remove(bar);
            row.getChildren().add(bar);
        } else if (!fits && bar.getParent() == row) {
            row.getChildren().remove(bar);
            root.getChildren().add(bar);
        }
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

    javafx.scene.layout.Region node() {
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
