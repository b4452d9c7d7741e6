package dev.firesight.app.compare;

import dev.firesight.app.export.CollapsedSource;
import dev.firesight.app.flame.model.ColorMode;
import dev.firesight.app.flame.model.FlameTree;
import dev.firesight.app.flame.model.FrameColors;
import dev.firesight.app.flame.model.FrameText;
import dev.firesight.app.format.Units;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.DiffCollapsed;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTree.Normalization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link DiffTree} as the shared flame renderer draws it. The shape is the merged one, so frames of
 * either capture stay; a frame's width is the mean of its baseline and target weights under the chosen
 * normalisation (additive, so children fit in their parent, and frames only in the baseline keep a
 * width). Colour follows the change of the frame's total; new frames are hatched, vanished ones outlined.
 */
public final class DiffFlameTree implements FlameTree, CollapsedSource {
    private final DiffTree diff;
    private final Normalization normalization;
    private final ViewKind.Unit unit;
    private final String baseLabel;
    private final String targetLabel;
    private final double maxAbsDelta;
    /** Nodes whose change is more than sampling noise; the others are drawn neutral, however large. */
    private final java.util.BitSet significant;

    public DiffFlameTree(DiffTree diff, Normalization normalization, ViewKind.Unit unit, String baseLabel,
                         String targetLabel) {
        this.diff = diff;
        this.normalization = normalization;
        this.unit = unit;
        this.baseLabel = baseLabel;
        this.targetLabel = targetLabel;
        this.significant = new java.util.BitSet(diff.size());
        double max = 0;
        for (int n = 1; n < diff.size(); n++) {
            if (diff.change(n).significant()) {
                significant.set(n);
                max = Math.max(max, Math.abs(diff.delta(n, normalization)));
            }
        }
        this.maxAbsDelta = max;
    }

    public DiffTree diff() {
        return diff;
    }

    public Normalization normalization() {
        return normalization;
    }

    public ViewKind.Unit viewUnit() {
        return unit;
    }

    public String baseLabel() {
        return baseLabel;
    }

    public String targetLabel() {
        return targetLabel;
    }

    @Override
    public int size() {
        return diff.size();
    }

    @Override
    public int parent(int node) {
        return diff.parent(node);
    }

    @Override
    public int firstChild(int node) {
        return diff.firstChild(node);
    }

    @Override
    public int nextSibling(int node) {
        return diff.nextSibling(node);
    }

    @Override
    public int depth(int node) {
        return diff.depth(node);
    }

    @Override
    public double weight(int node) {
        return (diff.base(node, normalization) + diff.target(node, normalization)) / 2;
    }

    @Override
    public double selfWeight(int node) {
        return (diff.baseSelf(node, normalization) + diff.targetSelf(node, normalization)) / 2;
    }

    @Override
    public String name(int node) {
        return diff.name(node);
    }

    @Override
    public int nameId(int node) {
        return diff.nameId(node);
    }

    @Override
    public FrameKind kind(int node) {
        return node == ROOT ? FrameKind.UNKNOWN : diff.kind(node);
    }

    @Override
    public int color(int node, ColorMode mode) {
        if (node == ROOT) {
            return DiffPalette.ROOT;
        }
        return significant.get(node) ? DiffPalette.color(diff.delta(node, normalization), maxAbsDelta)
                : DiffPalette.NEUTRAL;
    }

    /** True when the node's change is more than sampling noise (95 %). */
    public boolean significant(int node) {
        return significant.get(node);
    }

    @Override
    public Mark mark(int node) {
        return diff.added(node) ? Mark.ADDED : diff.vanished(node) ? Mark.VANISHED : Mark.NONE;
    }

    @Override
    public String describe(int node) {
        if (node < 0 || node >= diff.size()) {
            return "";
        }
        StringBuilder s = new StringBuilder(FrameText.display(diff.name(node)));
        if (diff.added(node)) {
            s.append("\nNew in the target");
        } else if (diff.vanished(node)) {
            s.append("\nOnly in the baseline");
        }
        String of = normalization == Normalization.SHARE ? " of all" : "";
        s.append("\nBaseline: ").append(value(diff.base(node, normalization), false)).append(of)
                .append(raw(diff.baseTotal(node)));
        s.append("\nTarget: ").append(value(diff.target(node, normalization), false)).append(of)
                .append(raw(diff.targetTotal(node)));
        s.append("\nDelta: ").append(value(diff.delta(node, normalization), true));
        s.append("\nRelative: ").append(relative(diff.relativeDelta(node, normalization)));
        s.append("\nSelf: ").append(value(diff.baseSelf(node, normalization), false)).append(" \u2192 ")
                .append(value(diff.targetSelf(node, normalization), false));
        s.append("\nShare: ").append(diff.change(node).describe());
        return s.toString();
    }

    private String raw(long weight) {
        return normalization == Normalization.ABSOLUTE ? "" : " (" + Units.weight(weight, unit) + ")";
    }

    /** A value in this tree's normalisation: a share in percent, a weight, or a weight per second. */
    public String value(double v, boolean signed) {
        String sign = signed ? (v > 0 ? "+" : v < 0 ? "\u2212" : "\u00b1") : v < 0 ? "\u2212" : "";
        double a = Math.abs(v);
        switch (normalization) {
            case SHARE:
                return sign + String.format(Locale.ROOT, "%.2f", 100 * a) + (signed ? " pts" : "%");
            case RATE:
                return sign + Units.weight(Math.round(a), unit) + "/s";
            default:
                return sign + Units.weight(Math.round(a), unit);
        }
    }

    public static String relative(double r) {
        if (Double.isInfinite(r)) {
            return "new";
        }
        if (Double.isNaN(r)) {
            return "\u2014";
        }
        return (r > 0 ? "+" : r < 0 ? "\u2212" : "\u00b1") + String.format(Locale.ROOT, "%.1f%%", Math.abs(r) * 100);
    }

    @Override
    public List<FrameColors.LegendEntry> legend(ColorMode mode) {
        return DiffPalette.legend();
    }

    @Override
    public String title() {
        return "Diff \u2014 " + FrameText.display(baseLabel) + " \u2192 " + FrameText.display(targetLabel);
    }

    @Override
    public String unitLabel() {
        return normalization == Normalization.SHARE ? "share" : unit.label();
    }

    @Override
    public String formatWeight(double weight) {
        return value(weight, false);
    }

    @Override
    public boolean ownDescriptions() {
        return true;
    }

    @Override
    public boolean exportsLegend() {
        return true;
    }

    @Override
    public List<String> notes() {
        List<String> out = new ArrayList<>();
        out.add("Baseline: " + baseLabel + "   Target: " + targetLabel + "   Normalised: " + describe(normalization)
                + "   Width: mean of both");
        for (String c : diff.caveats()) {
            out.add("Hard to compare: " + c);
        }
        return out;
    }

    /** One line per stack: {@code frames base target}, each column summing to its capture's total. */
    @Override
    public void writeCollapsed(java.io.Writer out) throws java.io.IOException {
        DiffCollapsed.write(diff, out);
    }

    public static String describe(Normalization n) {
        switch (n) {
            case SHARE:
                return "by total (shares)";
            case RATE:
                return "by duration (per second)";
            default:
                return "absolute";
        }
    }
}
