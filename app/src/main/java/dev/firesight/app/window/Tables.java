package dev.firesight.app.window;

import javafx.scene.control.TableView;

import java.util.function.Predicate;

/** Small table helpers the method tables share. */
public final class Tables {
    private Tables() {
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
}
