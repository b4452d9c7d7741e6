package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.export.FlameView;
import dev.firesight.app.export.PngExporter;
import dev.firesight.app.export.SvgExporter;
import dev.firesight.app.flame.FlameGraph;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Export ▸ SVG, HTML, PNG and collapsed stacks of the selected tab's current view (with its zoom,
 * thread filter and search). The target comes from {@link FileDialogs}; the write runs off the FX thread
 * and ends with a sentence in the status line.
 */
public final class ExportActions {
    private final TaskRunner tasks;
    private final FileDialogs dialogs;
    private final Supplier<Window> owner;
    private final Consumer<String> report;

    public ExportActions(TaskRunner tasks, FileDialogs dialogs, Supplier<Window> owner, Consumer<String> report) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.owner = owner;
        this.report = report;
    }

    /** Asks for a target and exports the tab's current view in a format. */
    public void export(RecordingTabView tab, ExportFormat format) {
        if (tab == null || tab.flameGraph().getTree() == null) {
            report.accept("Open a recording first; there is nothing to export yet.");
            return;
        }
        String base = tab.viewModel().fileName().replaceFirst("\\.(jfr|jfr\\.gz|zip|gz)$", "");
        String suggested = base + "-" + tab.viewModel().viewProperty().get().id() + "." + format.extension();
        Optional<Path> target = dialogs.chooseExportTarget(owner.get(), format.title(), format.extension(),
                suggested);
        target.ifPresent(p -> exportTo(tab, format, p));
    }

    /** Exports without asking, to a known file. */
    public void exportTo(RecordingTabView tab, ExportFormat format, Path target) {
        FlameGraph flame = tab.flameGraph();
        if (flame.getTree() == null) {
            return;
        }
        FlameView view = FlameView.of(flame);
        int width = (int) Math.max(SvgExporter.DEFAULT_WIDTH, Math.round(flame.getWidth()));
        ExportWriter writer;
        if (format == ExportFormat.PNG) {
            // drawing needs the FX thread, encoding and writing do not
            WritableImage image = PngExporter.render(view, width, 0);
            writer = p -> {
                if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", p.toFile())) {
                    throw new java.io.IOException("no PNG writer is available in this JVM");
                }
            };
        } else {
            writer = p -> format.write(view, p, width);
        }
        tasks.submit("export " + format, ctx -> {
            writer.write(target);
            return target;
        }, TaskCallbacks.of(p -> report.accept("Exported " + format.title() + " to " + p + "."),
                e -> report.accept("Could not export to " + target + " (" + ErrorMessages.sentence(e) + ").")));
    }

    /** The write that runs in the background. */
    @FunctionalInterface
    interface ExportWriter {
        void write(Path target) throws Exception;
    }
}
