package dev.firesight.app.window;

import org.kordamp.ikonli.javafx.FontIcon;

/** Material Design icons by their Ikonli codes, one place to keep the codes the window uses. */
final class Icons {
    static final String OPEN = "mdi2f-folder-open";
    static final String EXPORT = "mdi2e-export-variant";
    static final String REVERSE = "mdi2s-swap-vertical";
    static final String ICICLE = "mdi2f-flip-vertical";
    static final String THREADS = "mdi2f-filter-variant";
    static final String ATTACH = "mdi2l-lan-connect";
    static final String STOP = "mdi2s-stop-circle-outline";
    static final String RECORD = "mdi2r-record-circle-outline";
    static final String FIRE = "mdi2f-fire";
    static final String WARNING = "mdi2a-alert";
    static final String INFO = "mdi2i-information-outline";
    static final String ERROR = "mdi2a-alert-circle-outline";
    static final String CLOSE = "mdi2c-close";
    static final String DROP = "mdi2f-file-download-outline";
    static final String RESET_ZOOM = "mdi2m-magnify-minus-outline";
    static final String BACK = "mdi2a-arrow-left";

    private Icons() {
    }

    static FontIcon icon(String code) {
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add("icon");
        return icon;
    }

    static FontIcon icon(String code, int size) {
        FontIcon icon = icon(code);
        icon.setIconSize(size);
        return icon;
    }
}
