package dev.firesight.app.window;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.util.Callback;

import java.util.List;
import java.util.function.Predicate;

/** Small table helpers the method tables share. */
public final class Tables {
    private Tables() {
    }

    /** A column of text worked out from each row, e.g. {@code textColumn("Size", 80, Row::size)}. */
    public static <S> TableColumn<S, String> textColumn(String title, double width,
                                                        java.util.function.Function<S, String> text) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(text.apply(d.getValue())));
        return c;
    }

    /** Selects and reveals the first row that matches, or clears the selection when none does. */
    public static <T> void selectFirst(TableView<T> table, Predicate<T> match) {
        for (T row : table.getItems()) {
            if (match.test(row)) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    /**
     * What an empty table says: "Computing…" with a spinner while {@code busy}, since an empty table then
     * means "not yet", and {@code none} otherwise.
     */
    public static Node placeholder(ObservableBooleanValue busy, String none) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(22, 22);
        Label computing = new Label("Computing…", spinner);
        computing.getStyleClass().add("computing");
        computing.visibleProperty().bind(busy);
        Label empty = new Label(none);
        empty.visibleProperty().bind(computing.visibleProperty().not());
        return new StackPane(computing, empty);
    }

    /**
     * Makes the first click on these (numeric) columns sort the largest first, which is what a profile's
     * reader wants, and the next click smallest first, instead of JavaFX's ascending → descending →
     * unsorted cycle. JavaFX sets a newly clicked column ascending before adding it to the sort order, so
     * turning it descending as it is added wins; a click on the descending column removes it, and it
     * comes back ascending.
     */
    @SafeVarargs
    public static <S> void sortLargestFirst(TableView<S> table, TableColumn<S, ?>... numeric) {
        List<TableColumn<S, ?>> columns = List.of(numeric);
        columns.forEach(c -> c.setSortType(TableColumn.SortType.DESCENDING));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) change -> {
            while (change.next()) {
                for (TableColumn<S, ?> added : change.getAddedSubList()) {
                    if (columns.contains(added) && !change.getRemoved().contains(added)) {
                        added.setSortType(TableColumn.SortType.DESCENDING);
                    }
                }
                if (change.wasRemoved() && !change.wasAdded() && table.getSortOrder().isEmpty()) {
                    for (TableColumn<S, ?> removed : change.getRemoved()) {
                        if (columns.contains(removed) && removed.getSortType() == TableColumn.SortType.DESCENDING) {
                            // not inside the sort order's own notification: the table is still handling it
                            Platform.runLater(() -> {
                                if (table.getSortOrder().isEmpty()) {
                                    table.getSortOrder().add(removed);
                                    removed.setSortType(TableColumn.SortType.ASCENDING);
                                }
                            });
                        }
                    }
                }
            }
        });
    }

    /** After every sort, scrolls the selected row (if any) into view, where JavaFX would leave the top. */
    public static <T> void keepSelectionInView(TableView<T> table) {
        Callback<TableView<T>, Boolean> sort = table.getSortPolicy();
        table.setSortPolicy(t -> {
            T selected = t.getSelectionModel().getSelectedItem();
            Boolean sorted = sort.call(t);
            if (selected != null) {
                int index = t.getItems().indexOf(selected);
                if (index >= 0) {
                    t.scrollTo(index);
                }
            }
            return sorted;
        });
    }
}
