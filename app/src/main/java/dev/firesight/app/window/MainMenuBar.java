package dev.firesight.app.window;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.parser.ViewKind;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.List;

/** The window's menus: File, View and Help, with their keyboard shortcuts. */
final class MainMenuBar {
    private final MenuBar bar = new MenuBar();
    private final MainWindowView window;
    private final MainWindowViewModel vm;
    private final Menu recent = new Menu("Open Recent");
    private final Menu viewMenu = new Menu("View");
    private final MenuItem back;

    MainMenuBar(MainWindowView window, MainWindowViewModel vm) {
        this.window = window;
        this.vm = vm;
        bar.setUseSystemMenuBar(true);
        bar.getMenus().addAll(fileMenu(), viewMenu, helpMenu());
        // One item for every fill of the menu, so that its accelerator works before the menu was ever shown;
        // enabled while the selected tab has somewhere to go back to.
        back = item("Back", "Alt+Left", window::back);
        back.setId("menu-back");
        vm.selectedProperty().addListener((o, a, t) -> followBack(t));
        followBack(vm.selectedProperty().get());
        viewMenu.setOnShowing(e -> fillViewMenu());
        fillViewMenu();
    }

    MenuBar node() {
        return bar;
    }

    Menu recentMenu() {
        return recent;
    }

    private Menu fileMenu() {
        MenuItem open = item("Open…", "Shortcut+O", window::showOpenDialog);
        open.setGraphic(Icons.icon(Icons.OPEN));
        MenuItem openFolder = item("Open Folder…", "Shortcut+Shift+O", window::showOpenFolderDialog);
        openFolder.setId("menu-open-folder");
        MenuItem openStorage = item("Open from Object Storage…", null, window::showObjectStorageDialog);
        openStorage.setId("menu-open-storage");
        recent.setId("menu-recent");
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem attach = item("Attach to JVM…", "Shortcut+Shift+A", vm::attach);
        attach.setId("menu-attach");
        attach.setGraphic(Icons.icon(Icons.ATTACH));
        Menu export = new Menu("Export");
        export.setGraphic(Icons.icon(Icons.EXPORT));
        for (ExportFormat f : ExportFormat.values()) {
            MenuItem i = item(f.title() + "…", null, () -> window.export(f));
            i.setId("menu-export-" + f.name().toLowerCase(java.util.Locale.ROOT));
            export.getItems().add(i);
        }
        export.disableProperty().bind(vm.emptyProperty());
        MenuItem redacted = item("Save Redacted Copy…", null,
                () -> window.exportActions().saveRedactedCopy(window.selectedTab()));
        redacted.setId("menu-save-redacted");
        redacted.disableProperty().bind(vm.emptyProperty());
        MenuItem compare = item("Compare Recordings…", "Shortcut+Shift+D", window::compareOpenTabs);
        compare.setId("menu-compare");
        compare.disableProperty().bind(vm.emptyProperty());
        MenuItem close = item("Close Tab", "Shortcut+W", window::closeShownTab);
        close.setId("menu-close-tab");
        close.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(window.tabPane().getTabs()));
        MenuItem quit = item("Quit", "Shortcut+Q", window::quit);
        Menu file = new Menu("File");
        file.getItems().addAll(open, openFolder, openStorage, recent, attach, compare, new SeparatorMenuItem(), export, redacted,
                new SeparatorMenuItem(),
                close, quit);
        return file;
    }

    private void fillRecent() {
        recent.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
            i.setMnemonicParsing(false);
            i.setOnAction(e -> vm.openFiles(List.of(p)));
            recent.getItems().add(i);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent recordings");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            recent.getItems().addAll(new SeparatorMenuItem(), item("Clear Recent", null, vm::clearRecent));
        }
    }

    /** The View menu follows the selected tab: its views, reverse and icicle, search and zoom. */
    private void fillViewMenu() {
        viewMenu.getItems().clear();
        RecordingTabViewModel tab = vm.selectedProperty().get();
        ToggleGroup group = new ToggleGroup();
        if (tab != null) {
            for (ViewKind v : tab.views()) {
                RadioMenuItem i = new RadioMenuItem(v.title());
                i.setToggleGroup(group);
                i.setSelected(v == tab.viewProperty().get());
                i.setOnAction(e -> tab.viewProperty().set(v));
                viewMenu.getItems().add(i);
            }
        }
        if (!viewMenu.getItems().isEmpty()) {
            viewMenu.getItems().add(new SeparatorMenuItem());
        }
        CheckMenuItem reverse = new CheckMenuItem("Reverse (bottom-up)");
        CheckMenuItem icicle = new CheckMenuItem("Icicle (root at top)");
        if (tab != null) {
            reverse.setSelected(tab.reverseProperty().get());
            reverse.setOnAction(e -> tab.reverseProperty().set(reverse.isSelected()));
            icicle.setSelected(tab.icicleProperty().get());
            icicle.setOnAction(e -> tab.icicleProperty().set(icicle.isSelected()));
        }
        MenuItem find = item("Find…", "Shortcut+F", window::focusSearch);
        MenuItem reset = item("Clear Search / Reset Zoom", "Esc", window::escape);
        for (MenuItem i : List.of(reverse, icicle)) {
            i.setDisable(tab == null);
        }
        viewMenu.getItems().addAll(reverse, icicle, new SeparatorMenuItem(), find, reset, back);
    }

    private void followBack(RecordingTabViewModel tab) {
        back.disableProperty().unbind();
        if (tab == null) {
            back.setDisable(true);
        } else {
            back.disableProperty().bind(tab.canGoBackProperty().not());
        }
    }

    private Menu helpMenu() {
        Menu help = new Menu("Help");
        MenuItem shortcuts = item("Keyboard Shortcuts", null,
                () -> KeyboardShortcuts.show(bar.getScene() == null ? null : bar.getScene().getWindow(), bar));
        shortcuts.setId("menu-shortcuts");
        help.getItems().addAll(item("Recording Info…", "Shortcut+I", window::showRecordingInfo), shortcuts,
                new SeparatorMenuItem(), item("About Firesight", null, window::showAbout));
        return help;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
