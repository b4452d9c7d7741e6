package dev.firesight.app.export;

import dev.firesight.app.flame.model.CallFlameTree;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames narrower than a pixel (issue 11, item 9): a run of them shows as one merged entry as wide as they
 * are together, instead of a gap, and the SVG export draws exactly the frames of the layout the window
 * paints. On the allocation view of a real async-profiler recording, drawn 300 px wide.
 */
class SubPixelFramesTest {
    private static final Path RECORDING = Path.of("..", "parser", "src", "test", "resources", "public",
            "v2.0-ap2.9-cpu-lock-alloc.jfr.gz");
    private static final int WIDTH = 300;

    @Test
    void runsOfSubPixelFramesAreMergedNotDropped() throws Exception {
        FlameTree tree = CallFlameTree.of(allocTree());
        double min = 0.5 / WIDTH;
        FlameLayout layout = FlameLayout.compute(tree, FlameTree.ROOT, min);
        int merged = 0;
        // each laid-out frame's children, as drawn: ordinary frames and merged runs, by parent node
        Map<Integer, Double> drawnUnder = new HashMap<>();
        for (int i = 0; i < layout.size(); i++) {
            if (layout.merged(i) > 0) {
                merged++;
            }
            if (layout.depth(i) > 0) {
                drawnUnder.merge(tree.parent(layout.node(i)), layout.width(i), Double::sum);
            }
        }
        assertTrue(merged > 0, "this recording has runs of sub-pixel frames at " + WIDTH + " px");
        for (int i = 0; i < layout.size(); i++) {
            int node = layout.node(i);
            if (layout.merged(i) > 0 || tree.firstChild(node) == FlameTree.NONE) {
                continue;
            }
            double children = 0;
            int wide = 0;
            for (int c = tree.firstChild(node); c != FlameTree.NONE; c = tree.nextSibling(c)) {
                double w = (double) tree.weight(c) / tree.weight(FlameTree.ROOT);
                children += w;
                wide += w >= min ? 1 : 0;
            }
            // only runs narrower than the minimum together may be left out: at most one between two wide frames
            double missing = children - drawnUnder.getOrDefault(node, 0.0);
            assertTrue(missing <= (wide + 1) * min + 1e-12, tree.name(node) + ": " + missing * WIDTH
                    + " px of children not drawn");
        }
    }

    @Test
    void theSvgDrawsTheFramesOfTheWindowsLayout() throws Exception {
        CallTree call = allocTree();
        StringWriter out = new StringWriter();
        SvgExporter.write(FlameView.of(call), WIDTH, out);
        // the SVG's frames area is the width less its margins; the window's layout at that width
        Matcher area = Pattern.compile("data-frames-width=\"([0-9.]+)\"").matcher(out.toString());
        assertTrue(area.find());
        double framesWidth = Double.parseDouble(area.group(1));
        FlameLayout layout = FlameLayout.compute(CallFlameTree.of(call), FlameTree.ROOT, 0.5 / framesWidth);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            expected.add(layout.x(i) + "/" + layout.width(i) + "/" + layout.depth(i) + "/" + layout.merged(i));
        }
        List<String> drawn = new ArrayList<>();
        Matcher g = Pattern.compile("<g class=\"f\" data-x=\"([^\"]+)\" data-w=\"([^\"]+)\" data-d=\"([^\"]+)\""
                + "(?: data-merged=\"([0-9]+)\")?").matcher(out.toString());
        while (g.find()) {
            drawn.add(g.group(1) + "/" + g.group(2) + "/" + g.group(3) + "/" + (g.group(4) == null ? "0" : g.group(4)));
        }
        assertEquals(expected, drawn, "the same frames, merged runs included, in the same places");
        assertTrue(drawn.stream().anyMatch(f -> !f.endsWith("/0")), "merged runs are drawn");
    }

    private static CallTree allocTree() throws Exception {
        Profile profile = Recordings.open(RECORDING);
        return CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.ALLOC));
    }
}
