package dev.firesight.app.compare;

import dev.firesight.app.export.ExportFormat;
import dev.firesight.app.export.FlameView;
import dev.firesight.app.flame.model.FlameLayout;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffCollapsed;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTree.Normalization;
import dev.firesight.parser.query.DiffTreeBuilder;
import dev.firesight.parser.query.DiffTreeBuilder.Capture;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.CollapsedStacks;
import dev.firesight.parser.testing.HalvedWorkload;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diff of the halved pair, the numbers a user would check: {@code allocateHalvable} halves and is the
 * only method that shrinks, {@code onlyInBaseline} is there and marked vanished, {@code allocateSteady}
 * holds within the workload's ±10%, each column sums to its capture's total, and the oracle
 * ({@code jdk.jfr.consumer}) agrees with every weight.
 */
class HalvedDiffTest {
    private static final String STEADY = HalvedWorkload.frame("allocateSteady");
    private static final String HALVABLE = HalvedWorkload.frame("allocateHalvable");
    private static final String ONLY_IN_BASELINE = HalvedWorkload.frame("onlyInBaseline");

    private static Path basePath;
    private static Path targetPath;
    private static Profile base;
    private static Profile target;
    private static CollapsedStacks baseOracle;
    private static CollapsedStacks targetOracle;
    private static DiffTree diff;

    @BeforeAll
    static void load() throws Exception {
        basePath = TestRecordings.halved(1.0);
        targetPath = TestRecordings.halved(0.5);
        base = Recordings.open(basePath);
        target = Recordings.open(targetPath);
        baseOracle = JdkOracle.view(basePath, View.ALLOC);
        targetOracle = JdkOracle.view(targetPath, View.ALLOC);
        diff = build(base, target);
    }

    static DiffTree build(Profile b, Profile t) {
        return DiffTreeBuilder.build(new Capture(b, ProfileQuery.of(ViewKind.ALLOC), "baseline"),
                new Capture(t, ProfileQuery.of(ViewKind.ALLOC), "target"), () -> false);
    }

    /** Summed totals of every node with this name (a method's total in the diff). */
    private static long[] totals(DiffTree d, String name) {
        long[] out = new long[2];
        for (int n = 1; n < d.size(); n++) {
            if (d.name(n).equals(name) && !hasAncestorNamed(d, n, name)) {
                out[0] += d.baseTotal(n);
                out[1] += d.targetTotal(n);
            }
        }
        return out;
    }

    private static boolean hasAncestorNamed(DiffTree d, int n, String name) {
        for (int a = d.parent(n); a > DiffTree.ROOT; a = d.parent(a)) {
            if (d.name(a).equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void weightsMatchTheOracle() {
        assertEquals(baseOracle.totalWeight(), diff.baseTotal(DiffTree.ROOT));
        assertEquals(targetOracle.totalWeight(), diff.targetTotal(DiffTree.ROOT));
        for (String method : List.of(STEADY, HALVABLE, ONLY_IN_BASELINE)) {
            long[] t = totals(diff, method);
            assertEquals(baseOracle.totalOf(method), t[0], method + " in the baseline");
            assertEquals(targetOracle.totalOf(method), t[1], method + " in the target");
        }
    }

    @Test
    void allocateHalvableHalvesAndIsTheOnlyMethodThatShrinks() {
        long[] halvable = totals(diff, HALVABLE);
        long[] steady = totals(diff, STEADY);
        double ratio = (double) halvable[1] / halvable[0];
        assertEquals(0.5, ratio, 0.05, "allocateHalvable target/baseline");
        assertEquals(1.0, (double) steady[1] / steady[0], 0.10, "allocateSteady target/baseline");

        // The methods table, absolute: among methods carrying at least 1% of the baseline, the ones that
        // lost more than a quarter are exactly allocateHalvable and onlyInBaseline.
        List<DiffMethods.Row> rows = DiffMethods.of(diff, Normalization.ABSOLUTE);
        double floor = diff.baseTotal(DiffTree.ROOT) * 0.01;
        Set<String> shrank = rows.stream()
                .filter(r -> Math.max(r.base(), r.target()) >= floor && r.relative() < -0.25)
                .map(DiffMethods.Row::name).collect(Collectors.toSet());
        assertEquals(Set.of(HALVABLE, ONLY_IN_BASELINE), shrank);
        DiffMethods.Row top = rows.get(0);
        assertTrue(top.name().equals(HALVABLE) || top.name().equals(ONLY_IN_BASELINE), top.name());
        DiffMethods.Row halvableRow = rows.stream().filter(r -> r.name().equals(HALVABLE)).findFirst().orElseThrow();
        assertEquals(-0.5, halvableRow.relative(), 0.05);
        assertEquals(targetOracle.selfOf("byte[]") > 0, true);
        assertEquals(baseOracle.weightOf(HALVABLE, "byte[]"), halvableRow.baseRaw());
        assertEquals(targetOracle.weightOf(HALVABLE, "byte[]"), halvableRow.targetRaw());
    }

    /**
     * By total, a caller with next to no self weight has its row: HalvedWorkload.run, which calls all three, lost the
     * baseline-only method's bytes and half of the halvable one's. Every row holds its method's totals, each stack
     * counted once.
     */
    @Test
    void byTotalTheCallersHaveRowsWithTheirTotals() {
        String run = "dev.firesight.parser.testing.HalvedWorkload.run";
        long runSelf = DiffMethods.of(diff, Normalization.ABSOLUTE).stream().filter(r -> r.name().equals(run))
                .mapToLong(DiffMethods.Row::baseRaw).sum();
        assertTrue(runSelf < 0.01 * totals(diff, run)[0], "the premise: run allocates next to nothing itself");
        List<DiffMethods.Row> rows = DiffMethods.byTotal(diff, Normalization.ABSOLUTE);
        for (String method : List.of(run, STEADY, HALVABLE, ONLY_IN_BASELINE)) {
            DiffMethods.Row row = rows.stream().filter(r -> r.name().equals(method)).findFirst().orElseThrow();
            long[] t = totals(diff, method);
            assertEquals(t[0], row.baseRaw(), method);
            assertEquals(t[1], row.targetRaw(), method);
        }
        DiffMethods.Row runRow = rows.stream().filter(r -> r.name().equals(run)).findFirst().orElseThrow();
        // baseline 4 + 4 + 2 MB a round, target 4 + 2: run's total fell by about 40%
        assertEquals(-0.4, runRow.relative(), 0.05);
        assertTrue(rows.stream().noneMatch(r -> r.name().equals("byte[]")), "classes are not methods");
    }

    @Test
    void sharesFollowTheWorkload() {
        // Baseline: steady 4, halvable 4, onlyInBaseline 2 (MB per round); target: steady 4, halvable 2.
        int halvable = node(diff, HALVABLE);
        int steady = node(diff, STEADY);
        assertEquals(0.4, diff.base(halvable, Normalization.SHARE), 0.04);
        assertEquals(1 / 3.0, diff.target(halvable, Normalization.SHARE), 1 / 30.0);
        assertEquals(0.4, diff.base(steady, Normalization.SHARE), 0.04);
        assertEquals(2 / 3.0, diff.target(steady, Normalization.SHARE), 2 / 30.0);
    }

    @Test
    void onlyInBaselineIsVanishedAndDrawnAsSuch() {
        int only = node(diff, ONLY_IN_BASELINE);
        assertTrue(diff.vanished(only));
        DiffFlameTree flame = new DiffFlameTree(diff, Normalization.SHARE, ViewKind.Unit.BYTES, "a", "b");
        assertEquals(FlameTree.Mark.VANISHED, flame.mark(only));
        assertTrue(flame.weight(only) > 0, "a vanished frame keeps a width in the merged shape");
        // Reversed, the same frames are new in the target.
        DiffTree reversed = build(target, base);
        DiffFlameTree rf = new DiffFlameTree(reversed, Normalization.SHARE, ViewKind.Unit.BYTES, "b", "a");
        assertEquals(FlameTree.Mark.ADDED, rf.mark(node(reversed, ONLY_IN_BASELINE)));
    }

    @Test
    void coloursShowTheDirectionAndSize() {
        DiffFlameTree rate = new DiffFlameTree(diff, Normalization.ABSOLUTE, ViewKind.Unit.BYTES, "a", "b");
        int halvable = rate.color(node(diff, HALVABLE), null);
        int steady = rate.color(node(diff, STEADY), null);
        assertTrue((halvable & 0xff) > (halvable >> 16 & 0xff), "shrinking is blue: " + Integer.toHexString(halvable));
        int neutral = DiffPalette.NEUTRAL;
        assertTrue(distance(steady, neutral) < distance(halvable, neutral), "steady is nearly unchanged");
        DiffFlameTree shares = new DiffFlameTree(diff, Normalization.SHARE, ViewKind.Unit.BYTES, "a", "b");
        int steadyShare = shares.color(node(diff, STEADY), null);
        assertTrue((steadyShare >> 16 & 0xff) > (steadyShare & 0xff), "by share, steady grew: red");
        String tip = shares.describe(node(diff, HALVABLE));
        assertTrue(tip.contains("Baseline: ") && tip.contains("Target: ") && tip.contains("Delta: ")
                && tip.contains("Relative: "), tip);
    }

    @Test
    void collapsedColumnsSumToEachCapturesTotal() throws Exception {
        StringWriter w = new StringWriter();
        DiffCollapsed.write(diff, w);
        long b = 0;
        long t = 0;
        for (String line : w.toString().split("\n")) {
            String[] parts = line.split(" ");
            b += Long.parseLong(parts[parts.length - 2]);
            t += Long.parseLong(parts[parts.length - 1]);
        }
        assertEquals(baseOracle.totalWeight(), b);
        assertEquals(targetOracle.totalWeight(), t);
    }

    @Test
    void svgAndHtmlComeFromTheSharedRenderer() throws Exception {
        DiffFlameTree flame = new DiffFlameTree(build(target, base), Normalization.SHARE, ViewKind.Unit.BYTES,
                "halved 0.5", "halved 1.0");
        StringWriter svg = new StringWriter();
        ExportFormat.SVG.write(FlameView.of(flame), svg);
        org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue(svg.toString().contains("class=\"added\""), "new frames hatched");
        assertTrue(svg.toString().contains("Grew in target"), "legend");
        assertTrue(svg.toString().contains("onlyInBaseline"));
        FlameLayout layout = FlameLayout.compute(flame, FlameTree.ROOT, 0.5 / 1180);
        int frames = svg.toString().split("<g class=\"f\"", -1).length - 1;
        assertEquals(layout.size(), frames, "one SVG frame per frame of the same layout the window draws");
        StringWriter html = new StringWriter();
        ExportFormat.HTML.write(FlameView.of(flame), html);
        assertTrue(html.toString().contains("\"tips\":["), "diff tooltips carried as JSON");
        assertTrue(html.toString().contains("\"mk\":["));
        assertFalse(html.toString().contains("<script>alert"));
    }

    private static int node(DiffTree d, String name) {
        for (int n = 1; n < d.size(); n++) {
            if (d.name(n).equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in the diff");
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }
}
