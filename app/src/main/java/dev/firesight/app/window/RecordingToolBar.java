package dev.firesight.app.window;

import dev.firesight.app.flame.FlameGraph;
import dev.firesight.parser.ViewKind;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.Locale;

/**
 * The part of the window's toolbar that belongs to one recording tab: the view selector, reverse and
 * icicle toggles, the thread filter, and the search field with previous/next and the matched share.
 */
final class RecordingToolBar {
    private final HBox root = new HBox(6);
    private final ComboBox<ViewKind> views = new ComboBox<>();
    private final ToggleButton reverse = new ToggleButton(null, Icons.icon(Icons.REVERSE));
    private final ToggleButton icicle = new ToggleButton(null, Icons.icon(Icons.ICICLE));
    private final TextField search = new TextField();
    private final Label matched = new Label();
    private final ThreadFilterView threads;

    RecordingToolBar(RecordingTabViewModel vm, FlameGraph flame) {
        root.getStyleClass().add("recording-toolbar");
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        views.setId("view-selector");
        views.setItems(vm.views());
        views.valueProperty().bindBidirectional(vm.viewProperty());
        views.setCellFactory(l -> new ViewCell());
        views.setButtonCell(new ViewCell());
        views.setTooltip(new Tooltip("Which samples the flame graph shows"));
        views.setPromptText("View");

        reverse.setId("reverse");
        reverse.selectedProperty().bindBidirectional(vm.reverseProperty());
        reverse.setTooltip(new Tooltip("Reverse: merge stacks from the leaf (bottom-up, who calls the hot methods)"));
        icicle.setId("icicle");
        icicle.selectedProperty().bindBidirectional(vm.icicleProperty());
        icicle.setTooltip(new Tooltip("Icicle: draw the root at the top"));

        threads = new ThreadFilterView(vm);

        search.setId("search");
        search.setPromptText("Search frames (Ctrl+F)");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setOnAction(e -> flame.nextMatch());
        Button previous = new Button(null, Icons.icon(Icons.PREVIOUS));
        previous.setId("search-previous");
        previous.setTooltip(new Tooltip("Previous match (Shift+Enter)"));
        previous.setOnAction(e -> flame.previousMatch());
        Button next = new Button(null, Icons.icon(Icons.NEXT));
        next.setId("search-next");
        next.setTooltip(new Tooltip("Next match (Enter)"));
        next.setOnAction(e -> flame.nextMatch());
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShiftDown()) {
                flame.previousMatch();
                e.consume();
            }
        });
        previous.disableProperty().bind(search.textProperty().isEmpty());
        next.disableProperty().bind(search.textProperty().isEmpty());
        matched.setId("search-matched");
        matched.getStyleClass().add("search-matched");
        matched.textProperty().bind(Bindings.createStringBinding(() -> {
            SearchMatches m = vm.searchProperty().get();
            if (m == null || m.text().isEmpty()) {
                return "";
            }
            return m.matchedNames() == 0 ? "no match"
                    : String.format(Locale.ROOT, "%.2f%% matched", 100 * m.fraction());
        }, vm.searchProperty()));

        Label searchIcon = new Label(null, Icons.icon(Icons.SEARCH));
        root.getChildren().addAll(views, reverse, icicle, threads.node(), new Separator(javafx.geometry.Orientation.VERTICAL),
                searchIcon, search, previous, next, matched);
        root.disableProperty().bind(vm.stateProperty().isNotEqualTo(RecordingTabViewModel.State.READY));
    }

    HBox node() {
        return root;
    }

    TextField searchField() {
        return search;
    }

    ComboBox<ViewKind> viewSelector() {
        return views;
    }

    ThreadFilterView threadFilter() {
        return threads;
    }

    Label matchedLabel() {
        return matched;
    }

    private static final class ViewCell extends ListCell<ViewKind> {
        @Override
        protected void updateItem(ViewKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
