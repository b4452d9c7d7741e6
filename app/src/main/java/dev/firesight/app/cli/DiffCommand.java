package dev.firesight.app.cli;

import dev.firesight.app.compare.DiffFlameTree;
import dev.firesight.app.export.FlameView;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffCollapsed;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * {@code diff BASE TARGET [--view VIEW] [--format collapsed|svg|html] [--normalize share|rate|absolute]
 * [-o OUT] [filters]}. The collapsed diff always holds raw weights, so its columns sum to each capture's
 * total; the normalisation sets the colours and figures of the SVG and HTML graphs, as in the window.
 */
final class DiffCommand implements Command {
    private static final Set<String> FORMATS = Set.of("collapsed", "svg", "html");
    private static final String NORMALIZE = "--normalize";

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String usage() {
        return "diff BASE TARGET [--view VIEW] [--format collapsed|svg|html] [--normalize share|rate|absolute]"
                + " [-o OUT] [same filters and transforms as export]";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
        QueryOptions options = new QueryOptions(raw, FORMATS, Set.of(NORMALIZE));
        DiffTree.Normalization normalization = normalization(options.args.value(NORMALIZE));
        List<String> files = options.args.positional();
        if (files.size() != 2) {
            throw new UsageException("diff takes two recording files: the baseline, then the target.");
        }
        Profile base = options.transforms.apply(ProfileFiles.open(files.get(0), err, options.load), () -> false);
        Profile target = options.transforms.apply(ProfileFiles.open(files.get(1), err, options.load), () -> false);
        ViewKind view = options.view(base);
        if (!base.has(view) && !target.has(view) && options.load.partOfTime()) {
            err.println("firesight diff: note: neither recording has " + view.id() + " samples in the time asked for.");
        } else if (!base.has(view) && !target.has(view)) {
            err.println("firesight diff: neither recording has " + view.id() + " samples.");
            return 1;
        }
        DiffTree tree = DiffTreeBuilder.build(
                new DiffTreeBuilder.Capture(base, options.query(base, view), files.get(0)),
                new DiffTreeBuilder.Capture(target, options.query(target, view), files.get(1)), () -> false);
        for (String caveat : tree.caveats()) {
            err.println("firesight: note: " + caveat);
        }
        DiffFlameTree flame = new DiffFlameTree(tree, normalization, view.unit(), label(files.get(0)),
                label(files.get(1)));
        ExportCommand.writeOutput(options.output, out, writer -> write(flame, options.format, writer));
        return 0;
    }

    /** Collapsed through the parser; SVG and HTML through the same renderer as the window's diff flame graph. */
    static void write(DiffFlameTree tree, String format, Writer writer) throws IOException {
        ExportCommand.write(FlameView.of(tree), format, writer, () -> DiffCollapsed.write(tree.diff(), writer));
    }

    /** Shares by default: two captures of different lengths or load compare fairly that way. */
    private static DiffTree.Normalization normalization(String value) throws UsageException {
        if (value == null) {
            return DiffTree.Normalization.SHARE;
        }
        for (DiffTree.Normalization n : DiffTree.Normalization.values()) {
            if (n.name().equalsIgnoreCase(value)) {
                return n;
            }
        }
        throw new UsageException("--normalize must be share, rate or absolute, not '" + value + "'.");
    }

    private static String label(String file) {
        java.nio.file.Path name = java.nio.file.Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
