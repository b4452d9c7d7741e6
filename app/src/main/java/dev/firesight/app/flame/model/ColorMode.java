package dev.firesight.app.flame.model;

/** How frames are coloured: by the kind of code, or by a stable hue per Java package. */
public enum ColorMode {
    KIND("Frame kind"),
    PACKAGE("Package");

    private final String label;

    ColorMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
