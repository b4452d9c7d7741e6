package dev.firesight.app.window;

import dev.firesight.parser.Profile;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.BitSet;
import java.util.Comparator;
import java.util.Locale;

/**
 * The thread filter: a toolbar menu holding a searchable list of the recording's threads with a check
 * box each. Checking and unchecking sets the tab's thread set, which every view then uses.
 */
public final class ThreadFilterView {
    /** One thread in the list. */
    public static final class ThreadItem {
        private final int id;
        private final String name;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        ThreadItem(int id, String name) {
            this.id = id;
            this.name = name;
        }

        public int id() {
            return id;
        }

        public String name() {
            return name;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final RecordingTabViewModel vm;
    private final MenuButton button = new MenuButton("Threads: all", Icons.icon(Icons.THREADS));
    private final ObservableList<ThreadItem> items = FXCollections.observableArrayList();
    private final FilteredList<ThreadItem> filtered = new FilteredList<>(items);
    private final TextField search = new TextField();
    private final ListView<ThreadItem> list = new ListView<>(filtered);
    private boolean bulk;

    public ThreadFilterView(RecordingTabViewModel vm) {
        this.vm = vm;
        button.getStyleClass().add("thread-filter");
        button.setId("thread-filter");
        search.setPromptText("Filter threads");
        search.setId("thread-search");
        search.textProperty().addListener((o, a, text) -> {
            String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).strip();
            filtered.setPredicate(t -> lower.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(lower));
        });
        list.setId("thread-list");
        list.setCellFactory(CheckBoxListCell.forListView(ThreadItem::selectedProperty));
        list.setPrefSize(360, 320);
        Button all = new Button("All");
        all.setId("threads-all");
        all.setOnAction(e -> setShown(true));
        Button none = new Button("None");
        none.setId("threads-none");
        none.setOnAction(e -> setShown(false));
        Label hint = new Label("All and None act on the threads listed.");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(6, hint, spacer, all, none);
        VBox box = new VBox(6, search, list, buttons);
        box.setPadding(new Insets(6));
        box.getStyleClass().add("thread-filter-popup");
        // The search field and list take the keys, so the menu never sees Esc: close it here.
        box.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                button.hide();
            }
        });
        CustomMenuItem item = new CustomMenuItem(box, false);
        button.getItems().add(item);
        button.setOnShown(e -> search.requestFocus());
        vm.profileProperty().addListener((o, a, p) -> fill(p));
        fill(vm.profileProperty().get());
    }

    public MenuButton node() {
        return button;
    }

    /** All threads of the recording, in name order. */
    public ObservableList<ThreadItem> items() {
        return items;
    }

    /** Shows only threads whose name contains the text, as typing in the filter field does. */
    public void setSearchText(String text) {
        search.setText(text);
    }

    /** Checks or unchecks every thread listed (after the search), as the All and None buttons do. */
    public void setShown(boolean selected) {
        bulk = true;
        try {
            filtered.forEach(t -> t.selectedProperty().set(selected));
        } finally {
            bulk = false;
        }
        apply();
    }

    private void fill(Profile p) {
        items.clear();
        if (p == null) {
            return;
        }
        for (int i = 0; i < p.threadCount(); i++) {
            ThreadItem item = new ThreadItem(i, p.threadName(i));
            item.selectedProperty().addListener((o, a, b) -> {
                if (!bulk) {
                    apply();
                }
            });
            items.add(item);
        }
        items.sort(Comparator.comparing(ThreadItem::name, String.CASE_INSENSITIVE_ORDER));
    }

    private void apply() {
        BitSet set = new BitSet();
        for (ThreadItem t : items) {
            if (t.selectedProperty().get()) {
                set.set(t.id());
            }
        }
        int n = set.cardinality();
        boolean all = n == items.size();
        button.setText(all ? "Threads: all" : "Threads: " + n + " of " + items.size());
        vm.threadsProperty().set(all ? null : set);
    }
}
