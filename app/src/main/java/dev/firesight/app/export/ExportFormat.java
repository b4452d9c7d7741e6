package dev.firesight.app.export;

import dev.firesight.files.OutputFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/** The formats a flame view exports to, with their file extensions. */
public enum ExportFormat {
    SVG("svg", "SVG image"),
    HTML("html", "Interactive HTML"),
    PNG("png", "PNG image"),
    COLLAPSED("txt", "Collapsed stacks");

    private final String extension;
    private final String title;

    ExportFormat(String extension, String title) {
        this.extension = extension;
        this.title = title;
    }

    public String extension() {
        return extension;
    }

    public String title() {
        return title;
    }

    /** Writes a text format (everything but PNG) to a writer. */
    public void write(FlameView view, Writer out) throws IOException {
        switch (this) {
            case SVG:
                SvgExporter.write(view, out);
                break;
            case HTML:
                HtmlExporter.write(view, out);
                break;
            case COLLAPSED:
                CollapsedExporter.write(view, out);
                break;
            default:
                throw new IllegalArgumentException(this + " is not a text format");
        }
    }

    /**
     * Writes a text format to a file. PNG is drawn by the flame graph control ({@link PngExporter}), so the
     * formats the command line writes stay free of JavaFX.
     */
    public void write(FlameView view, Path file) throws IOException {
        OutputFile.writeText(file, out -> write(view, out));
    }
}
