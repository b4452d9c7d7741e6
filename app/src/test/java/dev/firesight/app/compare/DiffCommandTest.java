package dev.firesight.app.compare;

import dev.firesight.app.cli.Cli;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.HalvedWorkload;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code diff --format svg|html}: the CLI writes the same diff flame graph as the window. */
class DiffCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code diff} of the halved pair's allocations with these extra arguments; returns the exit code. */
    private int diffHalved(String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("diff",
                TestRecordings.halved(1.0).toString(), TestRecordings.halved(0.5).toString(), "--view", "alloc"));
        args.addAll(java.util.List.of(extra));
        err.reset();
        return Cli.run(args.toArray(String[]::new), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void svgAndHtmlOfTheHalvedPair() throws Exception {
        Path base = TestRecordings.halved(1.0);
        Path target = TestRecordings.halved(0.5);
        Path svg = temp.resolve("diff.svg");
        assertEquals(0, diffHalved("--format", "svg", "-o", svg.toString()), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("Diff \u2014 " + base.getFileName() + " \u2192 " + target.getFileName()), "title");
        assertTrue(text.contains("class=\"vanished\""), "onlyInBaseline outlined");
        assertTrue(text.contains(HalvedWorkload.frame("allocateHalvable")));
        // As many frames as the shared layout yields for the same tree at the export's width.
        DiffTree diff = DiffTreeBuilder.build(
                new DiffTreeBuilder.Capture(Recordings.open(base), ProfileQuery.of(ViewKind.ALLOC), "a"),
                new DiffTreeBuilder.Capture(Recordings.open(target), ProfileQuery.of(ViewKind.ALLOC), "b"),
                () -> false);
        FlameLayout layout = FlameLayout.compute(new DiffFlameTree(diff, DiffTree.Normalization.SHARE,
                ViewKind.Unit.BYTES, "a", "b"), FlameTree.ROOT, 0.5 / 1180);
        assertEquals(layout.size(), text.split("<g class=\"f\"", -1).length - 1);

        Path html = temp.resolve("diff.html");
        assertEquals(0, diffHalved("--format", "html", "-o", html.toString()), err.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("\"tips\":[") && page.contains("Grew in target"), "tooltips and legend");
    }

    @Test
    void normalizeSetsTheFiguresOfTheGraph() throws Exception {
        Path shares = temp.resolve("shares.svg");
        Path absolute = temp.resolve("absolute.svg");
        assertEquals(0, diffHalved("--format", "svg", "-o", shares.toString()), err.toString());
        assertEquals(0, diffHalved("--format", "svg", "--normalize", "absolute", "-o", absolute.toString()),
                err.toString());
        assertTrue(Files.readString(shares).contains(" of all"), "shares by default");
        String text = Files.readString(absolute);
        assertFalse(text.contains(" of all"), "absolute weights are not shares");
        assertTrue(text.contains("Baseline: ") && text.contains(" MiB"), "absolute figures are bytes");

        assertEquals(2, diffHalved("--normalize", "per-cent"));
        assertTrue(err.toString().contains("--normalize must be share, rate or absolute, not 'per-cent'."),
                err.toString());
    }
}
