package dev.firesight.app.window;

import javafx.beans.value.ObservableStringValue;

/**
 * A tab that is not one recording's (a comparison) and says in the status bar what it shows, so the status
 * bar never goes on describing the recording selected before it.
 */
public interface DescribedTab {
    /** One line for the status bar. */
    ObservableStringValue statusText();
}
