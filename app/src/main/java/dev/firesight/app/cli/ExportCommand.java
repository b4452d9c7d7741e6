package dev.firesight.app.cli;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.export.FlameView;
import dev.firesight.files.OutputFile;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewAbsence;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code export FILE --view VIEW --format collapsed|svg|html [-o OUT] [filters]}. */
final class ExportCommand implements Command {
    private static final Set<String> FORMATS = Set.of("collapsed", "svg", "html");

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export FILE [--view VIEW] [--format collapsed|svg|html] [-o OUT] [--from T] [--to T]\n"
                + "                        [--threads] [--include RE] [--exclude RE] [--reverse]\n"
                + "                        [--views V,V] [--max-stack-depth N]\n"
                + "                        " + TransformOptions.USAGE;
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
        QueryOptions options = new QueryOptions(raw, FORMATS);
        if (options.args.positional().size() != 1) {
            throw new UsageException("export takes exactly one recording file.");
        }
        Profile profile = ProfileFiles.open(options.args.positional().get(0), err, options.load);
        ViewKind view = options.view(profile);
        if (!profile.has(view) && options.load.partOfTime()) {
            err.println("firesight export: note: there are no " + view.id() + " samples in the time asked for.");
        } else if (!profile.has(view)) {
            err.println("firesight export: " + ViewAbsence.sentence(profile, view) + " Its views: "
                    + SummaryCommand.viewList(profile) + ".");
            return 1;
        }
        CallTree tree = CallTreeBuilder.build(options.transforms.apply(profile, () -> false),
                options.query(profile, view));
        writeOutput(options.output, out, writer -> write(tree, options.format, writer));
        return 0;
    }

    static void write(CallTree tree, String format, Writer writer) throws IOException {
        write(FlameView.of(tree), format, writer, () -> Collapsed.write(tree, writer));
    }

    /** Text that writes the collapsed form of whatever is being exported. */
    interface CollapsedWriter {
        void write() throws IOException;
    }

    /**
     * Writes a flame view in the chosen format: SVG and HTML through the window's renderer, collapsed
     * through {@code collapsed}. The format was checked against the command's list when parsing.
     */
    static void write(FlameView view, String format, Writer writer, CollapsedWriter collapsed) throws IOException {
        switch (format) {
            case "svg":
                ExportFormat.SVG.write(view, writer);
                break;
            case "html":
                ExportFormat.HTML.write(view, writer);
                break;
            default:
                collapsed.write();
        }
    }

    /**
     * Writes the command's text to stdout ({@code output} null or {@code -}) or to a file, owner-only and
     * renamed into place only once complete, so a failure never leaves half a file.
     */
    static void writeOutput(String output, PrintStream out, OutputFile.TextBody body) throws IOException {
        if (output == null || output.equals("-")) {
            try (Writer writer = new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8))) {
                body.write(writer);
            }
            return;
        }
        OutputFile.writeText(Path.of(output), body);
    }

    /** Lets a writer over stdout be closed without closing stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(PrintStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
