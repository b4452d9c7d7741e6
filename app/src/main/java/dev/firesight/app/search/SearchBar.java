package dev.firesight.app.search;

import dev.firesight.parser.query.FrameSearch;
import dev.firesight.parser.query.SearchPattern;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * The search controls every flame graph screen shows: the text field (a regular expression), a plain-text
 * toggle, a match-case toggle, previous/next (Shift+Enter, Enter) and what the search matched. Ids start
 * with the given prefix ({@code search}, {@code search-plain}, {@code search-case}, {@code search-previous},
 * {@code search-next}, {@code search-matched}) so tests and CSS find them on any screen.
 */
public final class SearchBar {
    /** Set on the text field while it holds an invalid regular expression. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final HBox root = new HBox(4);
    private final TextField field = new TextField();
    private final Label matched = new Label();

    /**
     * @param result   the search whose share the bar reports (the main graph's)
     * @param position where the match stepped to stands, "3 of 7", or "" (see FlameGraph#matchPositionProperty)
     * @param previous steps to the previous match, lighter first
     * @param next     steps to the next match, heaviest first
     */
    public SearchBar(String idPrefix, SearchModel model, ObservableValue<FrameSearch> result,
                     ObservableValue<String> position, Runnable previous, Runnable next) {
        root.getStyleClass().add("search-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        field.setId(idPrefix);
        field.setPromptText("Search frames (regex, Ctrl+F)");
        field.setPrefColumnCount(18);
        field.textProperty().bindBidirectional(model.textProperty());
        field.setOnAction(e -> next.run());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                previous.run();
                e.consume();
            }
        });
        model.errorProperty().addListener((o, a, b) -> {
            field.pseudoClassStateChanged(INVALID, !b.isEmpty());
            field.setTooltip(b.isEmpty() ? null : new Tooltip(b));
        });

        ToggleButton plain = new ToggleButton("\"\u2009\"");
        plain.setId(idPrefix + "-plain");
        plain.getStyleClass().add("search-toggle");
        plain.selectedProperty().bindBidirectional(model.plainTextProperty());
        plain.setTooltip(new Tooltip("Plain text: match the text literally instead of as a regular expression"));
        ToggleButton matchCase = new ToggleButton("Aa");
        matchCase.setId(idPrefix + "-case");
        matchCase.getStyleClass().add("search-toggle");
        matchCase.selectedProperty().bindBidirectional(model.matchCaseProperty());
        matchCase.setTooltip(new Tooltip("Match case"));

        Button back = new Button(null, icon("mdi2c-chevron-up"));
        back.setId(idPrefix + "-previous");
        back.setTooltip(new Tooltip("Previous match, lighter (Shift+Enter)"));
        back.setOnAction(e -> previous.run());
        Button forward = new Button(null, icon("mdi2c-chevron-down"));
        forward.setId(idPrefix + "-next");
        forward.setTooltip(new Tooltip("Next match, heaviest first (Enter)"));
        forward.setOnAction(e -> next.run());
        // Nothing to step through without a search, or once it has come back empty.
        javafx.beans.binding.BooleanBinding none = Bindings.createBooleanBinding(() -> model.patternProperty().get() == null
                || result.getValue() != null && model.patternProperty().get().equals(result.getValue().pattern())
                && result.getValue().isEmpty(), model.patternProperty(), result);
        back.disableProperty().bind(none);
        forward.disableProperty().bind(none);

        matched.setId(idPrefix + "-matched");
        matched.getStyleClass().add("search-matched");
        matched.textProperty().bind(Bindings.createStringBinding(() -> describe(model, result.getValue(),
                position.getValue()), model.patternProperty(), model.errorProperty(), result, position));
        root.getChildren().addAll(new Label(null, icon("mdi2m-magnify")), field, plain, matchCase, back, forward,
                matched);
        // When the window is narrow the field gives up its width, and the buttons keep their labels.
        for (javafx.scene.Node n : root.getChildren()) {
            if (n instanceof javafx.scene.layout.Region r && n != field) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        field.setMinWidth(80);
    }

    /** What the search matched, as the bar says it (its width decides whether the bar fits beside the tools). */
    public javafx.beans.property.ReadOnlyStringProperty matchedTextProperty() {
        return matched.textProperty();
    }

    /**
     * "12.50% matched in 3 frames" (or "in 1 frame"), once stepping "2 of 3 · 12.50% matched", "no match",
     * "searching…" or "invalid regex".
     */
    static String describe(SearchModel model, FrameSearch result, String position) {
        if (!model.errorProperty().get().isEmpty()) {
            return "invalid regex";
        }
        SearchPattern p = model.patternProperty().get();
        if (p == null) {
            return "";
        }
        if (result == null || !p.equals(result.pattern())) {
            return "searching\u2026";
        }
        if (result.isEmpty()) {
            return "no match";
        }
        if (position != null && !position.isEmpty()) {
            return String.format(Locale.ROOT, "%s \u00b7 %.2f%% matched", position, result.percent());
        }
        return String.format(Locale.ROOT, "%.2f%% matched in %,d frame%s", result.percent(), result.matchCount(),
                result.matchCount() == 1 ? "" : "s");
    }

    private static FontIcon icon(String code) {
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add("icon");
        return icon;
    }

    public HBox node() {
        return root;
    }

    /** Ctrl+F: puts the caret in the field with its text selected. */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }
}
