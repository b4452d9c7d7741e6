package dev.firesight.app.search;

import dev.firesight.parser.query.SearchPattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the user typed into a search bar and how to read it: a regular expression unless "plain text" is on,
 * ignoring case unless "match case" is on. Turns that into one {@link SearchPattern} (null for no search or
 * an invalid expression, which {@link #errorProperty()} then explains). Compiling is cheap and happens on
 * the FX thread; matching the frames happens in {@link TreeSearch}, off it.
 */
public final class SearchModel {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty plainText = new SimpleBooleanProperty(this, "plainText");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(this, "matchCase");
    private final ReadOnlyObjectWrapper<SearchPattern> pattern = new ReadOnlyObjectWrapper<>(this, "pattern");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SearchModel() {
        text.addListener((o, a, b) -> compile());
        plainText.addListener((o, a, b) -> compile());
        matchCase.addListener((o, a, b) -> compile());
    }

    private void compile() {
        String t = text.get();
        if (t == null || t.isEmpty()) {
            error.set("");
            pattern.set(null);
            return;
        }
        try {
            SearchPattern p = SearchPattern.of(t, plainText.get(), matchCase.get());
            error.set("");
            pattern.set(p);
        } catch (SearchPattern.InvalidSearchException e) {
            error.set(e.getMessage());
            pattern.set(null);
        }
    }

    /** Clears the search text; false when there was none. */
    public boolean clear() {
        if (text.get() == null || text.get().isEmpty()) {
            return false;
        }
        text.set("");
        return true;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Take the text literally instead of as a regular expression. */
    public BooleanProperty plainTextProperty() {
        return plainText;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    /** The search to run; null when there is none or the text is not a valid regular expression. */
    public ReadOnlyObjectProperty<SearchPattern> patternProperty() {
        return pattern.getReadOnlyProperty();
    }

    /** Why the text is not a valid regular expression, in one sentence; empty when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
