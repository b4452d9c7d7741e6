package dev.firesight.app.window;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Help ▸ Keyboard Shortcuts: every menu item's accelerator, read from the menus themselves so the list cannot
 * drift from them, then the keys that act in the window without a menu item.
 */
final class KeyboardShortcuts {
    /** Keys with no menu item, as {key, what it does}. */
    static final List<String[]> IN_THE_WINDOW = List.of(
            new String[] {"Click, Enter", "Flame graph: zoom into the frame"},
            new String[] {"Arrow keys", "Flame graph: move the selection to a caller, callee or neighbour"},
            new String[] {"Right-click", "Flame graph: copy, focus, exclude, merge, collapse, sandwich"},
            new String[] {"Enter, Shift+Enter", "Search field: next and previous match, heaviest first"},
            new String[] {"Drag", "Timeline: select a time range; drag its edges to change it"},
            new String[] {"Esc, double-click", "Timeline: clear the range"},
            new String[] {"Mouse wheel", "Timeline: zoom in time; flame graph: scroll"});

    private KeyboardShortcuts() {
    }

    /** Each accelerator of the menus, as {keys, "Menu ▸ Item"}, in menu order, then {@link #IN_THE_WINDOW}. */
    static List<String[]> rows(MenuBar bar) {
        List<String[]> rows = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            addItems(menu, menu.getText(), rows);
        }
        rows.addAll(IN_THE_WINDOW);
        return rows;
    }

    private static void addItems(Menu menu, String path, List<String[]> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                addItems(sub, path + " \u25b8 " + sub.getText(), rows);
            } else if (item.getAccelerator() != null) {
                rows.add(new String[] {item.getAccelerator().getDisplayText(), path + " \u25b8 " + item.getText()});
            }
        }
    }

    static void show(Window owner, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("keyboard-shortcuts");
        grid.setHgap(18);
        grid.setVgap(4);
        List<String[]> rows = rows(bar);
        for (int r = 0; r < rows.size(); r++) {
            Label keys = new Label(rows.get(r)[0]);
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(r, keys, new Label(rows.get(r)[1]));
        }
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Keyboard Shortcuts");
        alert.setHeaderText(null);
        alert.getDialogPane().setContent(grid);
        alert.show();
    }
}
