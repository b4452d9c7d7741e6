package dev.firesight.app.window;

/** The formats the Export menu offers for the current view. */
public enum ExportFormat {
    SVG("SVG image", "svg"),
    HTML("Interactive HTML", "html"),
    PNG("PNG image", "png"),
    COLLAPSED("Collapsed stacks", "txt");

    private final String description;
    private final String extension;

    ExportFormat(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    public String description() {
        return description;
    }

    public String extension() {
        return extension;
    }
}
