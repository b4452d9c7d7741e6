package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.export.FlameView;
import dev.firesight.app.export.PngExporter;
import dev.firesight.app.export.SvgExporter;
import dev.firesight.app.flame.FlameGraph;
import dev.firesight.parser.Secrets;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

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
        if (tab == null) {
            report.accept("Open a recording first; there is nothing to export yet.");
            return;
        }
        if (stillReading(tab)) {
            return;
        }
        if (tab.flameGraph().getTree() == null) {
            RecordingTabViewModel.State state = tab.viewModel().stateProperty().get();
            report.accept(state == RecordingTabViewModel.State.LOADING
                    ? tab.viewModel().fileName() + " is still being read; export it once reading ends."
                    : tab.viewModel().fileName() + " was not read, so there is nothing to export; read it again"
                    + " first (with less detail, if it did not fit).");
            return;
        }
        String base = tab.viewModel().fileName().replaceFirst("\\.(jfr|jfr\\.gz|zip|gz)$", "");
        export(tab.flameGraph(), base + "-" + tab.viewModel().viewProperty().get().id(), format);
    }

    /**
     * True (and said) when the tab draws a partial profile, while its recording is read or after reading
     * stopped early: an exported figure is always the complete recording's, never a partial one's.
     */
    private boolean stillReading(RecordingTabView tab) {
        RecordingTabViewModel vm = tab.viewModel();
        if (vm.stoppedProperty().get()) {
            report.accept("Only part of " + vm.fileName() + " was read; an export needs the whole recording."
                    + " Read it again (with less detail, if it did not fit) and export once reading ends.");
            return true;
        }
        if (vm.partialProperty().get()) {
            report.accept(vm.fileName() + " is still being read; export it once reading ends.");
            return true;
        }
        return false;
    }

    /** Asks for a target and exports what a flame graph shows (a comparison's diff, for one). */
    public void export(FlameGraph flame, String suggestedName, ExportFormat format) {
        if (flame == null || flame.getFlameTree() == null) {
            report.accept("There is nothing to export yet.");
            return;
        }
        Optional<Path> target = dialogs.chooseExportTarget(owner.get(), format.title(), format.extension(),
                suggestedName + "." + format.extension());
        target.ifPresent(p -> exportTo(flame, format, p));
    }

    /** Exports without asking, to a known file. */
    public void exportTo(RecordingTabView tab, ExportFormat format, Path target) {
        if (stillReading(tab)) {
            return;
        }
        exportTo(tab.flameGraph(), format, target);
    }

    /** Exports what a flame graph shows without asking, to a known file. */
    public void exportTo(FlameGraph flame, ExportFormat format, Path target) {
        if (flame.getFlameTree() == null) {
            return;
        }
        // what the graph shows: its tree, zoom, search, orientation and colours
        FlameView view = new FlameView(flame.getFlameTree(), flame.getZoomPath(), flame.searchState().pattern(),
                flame.icicleProperty().get(), flame.colorModeProperty().get());
        int width = (int) Math.max(SvgExporter.DEFAULT_WIDTH, Math.round(flame.getWidth()));
        ExportWriter writer;
        if (format == ExportFormat.PNG) {
            // drawing needs the FX thread, encoding and writing do not
            WritableImage image = PngExporter.render(view, flame.searchState(), width, 0);
            writer = p -> PngExporter.save(image, p);
        } else {
            // a reversed tree is shown only where it can be drawn; the file gets the complete one
            writer = p -> format.write(view.complete(), p);
        }
        tasks.submit("export " + format, ctx -> {
            writer.write(target);
            return target;
        }, TaskCallbacks.of(p -> report.accept("Exported " + format.title() + " to " + p + "."),
                e -> report.accept("Could not export to " + target + " (" + ErrorMessages.sentence(e) + ").")));
    }

    /**
     * File ▸ Save Redacted Copy: asks for a target and writes a copy of the tab's recording with its
     * secret-looking values and arguments masked, for sharing (see {@link Secrets#writeRedactedCopy}).
     */
    public void saveRedactedCopy(RecordingTabView tab) {
        if (tab == null) {
            report.accept("Open a recording first; there is nothing to copy yet.");
            return;
        }
        String base = tab.viewModel().fileName().replaceFirst("\\.(jfr|jfr\\.gz|zip|gz)$", "");
        dialogs.chooseExportTarget(owner.get(), "Recording, secrets masked", "jfr", base + "-redacted.jfr")
                .ifPresent(target -> saveRedactedCopy(tab.viewModel().path(), target));
    }

    /** Writes the redacted copy in the background and reports how it went in the status line. */
    public void saveRedactedCopy(Path source, Path target) {
        tasks.submit("redacted copy", ctx -> Secrets.writeRedactedCopy(source, target, ctx::isCancelled),
                TaskCallbacks.of(r -> report.accept("Saved a redacted copy to " + target + " (" + r.maskedValues()
                                + (r.maskedValues() == 1 ? " value" : " values") + " masked)."),
                        e -> report.accept("No redacted copy was saved: " + ErrorMessages.sentence(e) + ".")));
    }

    /** The write that runs in the background. */
    @FunctionalInterface
    interface ExportWriter {
        void write(Path target) throws Exception;
    }
}
