package dev.firesight.app.search;

import dev.firesight.parser.query.ProfileQuery;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The flame graph's "Focus on frame" and "Exclude frame": one frame whose stacks alone are kept, and frames
 * whose stacks are dropped, each matched by its whole name. The main tab and the comparison tab both narrow
 * their queries through this, so the two menus mean the same thing everywhere. Observe {@link #changes()}
 * to recompute.
 */
public final class FrameFilters {
    private final StringProperty focus = new SimpleStringProperty(this, "focus");
    private final ObservableList<String> excluded = FXCollections.observableArrayList();

    /** The frame every kept stack runs through; null or empty for none. */
    public StringProperty focusProperty() {
        return focus;
    }

    /** Frames whose stacks are dropped, in the order the user excluded them. */
    public ObservableList<String> excluded() {
        return excluded;
    }

    /** Keeps only stacks through {@code frame} (a full frame name). */
    public void focusOn(String frame) {
        focus.set(frame);
    }

    /** Drops the stacks through {@code frame}; excluding it again changes nothing. */
    public void exclude(String frame) {
        if (frame != null && !frame.isEmpty() && !excluded.contains(frame)) {
            excluded.add(frame);
        }
    }

    /** Removes the focus and every exclusion; false when there were none. */
    public boolean clear() {
        boolean any = isActive();
        focus.set(null);
        excluded.clear();
        return any;
    }

    public boolean isActive() {
        return focus.get() != null && !focus.get().isEmpty() || !excluded.isEmpty();
    }

    /** What to listen to for any change of the filters. */
    public Observable[] changes() {
        return new Observable[] {focus, excluded};
    }

    /** The query narrowed by these filters; the query itself when there are none. */
    public ProfileQuery apply(ProfileQuery q) {
        String f = focus.get();
        ProfileQuery out = q;
        if (f != null && !f.isEmpty()) {
            out = out.withInclude(Pattern.compile(Pattern.quote(f)));
        }
        if (!excluded.isEmpty()) {
            out = out.withExclude(anyOf(excluded));
        }
        return out;
    }

    /** A pattern whose whole-name match is any one of the names, taken literally. */
    static Pattern anyOf(List<String> names) {
        return Pattern.compile(names.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    }
}
