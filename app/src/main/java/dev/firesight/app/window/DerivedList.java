package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskHandle;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.Profile;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of what a recording shows (findings, leak suspects), computed in the background each time the tab's
 * profile arrives or changes, with a sentence for the state it is in: computing, failed, or empty.
 */
public final class DerivedList<T> {
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private TaskHandle computing;

    /**
     * @param what    what the list holds, for the "looking for" sentence, e.g. "findings"
     * @param compute the items, run off the FX thread
     * @param empty   the sentence when there are none
     */
    DerivedList(TaskRunner tasks, ObservableValue<Profile> profile, String what, Function<Profile, List<T>> compute,
                Function<Profile, String> empty) {
        Runnable load = () -> {
            if (computing != null) {
                computing.cancel();
            }
            Profile p = profile.getValue();
            items.clear();
            if (p == null) {
                status.set("");
                return;
            }
            status.set("Looking for " + what + "\u2026");
            computing = tasks.submit(what, ctx -> compute.apply(p), TaskCallbacks.of(found -> {
                status.set(empty.apply(p));
                items.setAll(found);
            }, failure -> status.set("The " + what + " could not be computed (" + ErrorMessages.sentence(failure)
                    + ").")));
        };
        profile.addListener((o, a, b) -> load.run());
        load.run();
    }

    public ObservableList<T> items() {
        return itemsView;
    }

    /** What to show where there are no items: why, or that they are still being computed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void dispose() {
        if (computing != null) {
            computing.cancel();
        }
    }
}
