package dev.firesight.app.window;

import dev.firesight.parser.query.Transform;
import javafx.scene.control.MenuItem;

import java.util.ArrayList;
import java.util.List;

/**
 * What a user can do with one method from the flame graph's or the hot methods' context menu: transform the
 * profile around it or show its sandwich. One list, so both menus offer the same words.
 */
final class FrameActions {
    private FrameActions() {
    }

    /** Items for the method {@code name} (name id {@code nameId}); empty for what is not a method. */
    static List<MenuItem> of(RecordingTabViewModel vm, String name, int nameId) {
        List<MenuItem> items = new ArrayList<>();
        if (name == null || nameId < 0) {
            return items;
        }
        items.add(item("merge-into-callers", "Merge into callers",
                () -> vm.addTransform(Transform.Merge.function(name))));
        items.add(item("collapse-recursion", "Collapse recursion",
                () -> vm.addTransform(Transform.CollapseRecursion.function(name, false))));
        items.add(item("collapse-direct-recursion", "Collapse direct recursion only",
                () -> vm.addTransform(Transform.CollapseRecursion.function(name, true))));
        String pkg = Transform.CollapsePackage.packageOf(name);
        MenuItem collapse = item("collapse-package", pkg == null ? "Collapse package" : "Collapse package " + pkg,
                () -> vm.addTransform(Transform.CollapsePackage.of(pkg)));
        collapse.setDisable(pkg == null);
        items.add(collapse);
        items.add(item("show-sandwich", "Show sandwich (callers and callees)",
                () -> vm.sandwichMethodProperty().set(nameId)));
        return items;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
