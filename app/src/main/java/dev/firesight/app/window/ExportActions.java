package dev.firesight.app.window;

import dev.firesight.app.tasks.TaskCallbacks;
import dev.firesight.app.tasks.TaskRunner;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.Collapsed;
import javafx.stage.Window;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        Optional<Path> target = dialogs.chooseExportTarget(owner.get(), format.description(), format.extension(),
                suggested);
        target.ifPresent(p -> exportTo(tab, format, p));
    }

    /** Exports without asking, to a known file. */
    public void exportTo(RecordingTabView tab, ExportFormat format, Path target) {
        CallTree tree = tab.flameGraph().getTree();
        if (tree == null) {
            return;
        }
        ExportWriter writer = writerFor(tab, format, tree);
        tasks.submit("export " + format, ctx -> {
            writer.write(target);
            return target;
        }, TaskCallbacks.of(p -> report.accept("Exported " + format.description() + " to " + p + "."),
                e -> report.accept("Could not export to " + target + " (" + ErrorMessages.sentence(e) + ").")));
    }

    /** The write, prepared on the FX thread (where the control's state is read) and run in the background. */
    @FunctionalInterface
    interface ExportWriter {
        void write(Path target) throws Exception;
    }

    private ExportWriter writerFor(RecordingTabView tab, ExportFormat format, CallTree tree) {
        switch (format) {
            case COLLAPSED:
                return target -> {
                    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        Collapsed.write(tree, out);
                    }
                };
            default:
                return FlameExports.writer(tab, format, tree);
        }
    }
}
