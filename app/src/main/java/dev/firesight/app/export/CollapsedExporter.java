package dev.firesight.app.export;

import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.Collapsed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Collapsed stacks through the parser's {@link Collapsed}, keeping only the stacks through the zoomed
 * frame when zoomed (each line still runs from the root).
 */
public final class CollapsedExporter {
    private CollapsedExporter() {
    }

    public static void write(FlameView view, Writer out) throws IOException {
        if (view.flame() instanceof CollapsedSource source) {
            source.writeCollapsed(out);
            return;
        }
        CallTree tree = view.tree();
        if (tree == null) {
            throw new IOException("this view has no collapsed form");
        }
        int zoom = view.zoomNode();
        if (zoom == CallTree.ROOT) {
            Collapsed.write(tree, out);
            return;
        }
        String prefix = Collapsed.path(tree.path(zoom));
        StringWriter all = new StringWriter();
        Collapsed.write(tree, all);
        for (String line : all.toString().split("\n")) {
            if (line.startsWith(prefix) && line.length() > prefix.length()
                    && (line.charAt(prefix.length()) == ';' || line.charAt(prefix.length()) == ' ')) {
                out.write(line);
                out.write('\n');
            }
        }
    }
}
