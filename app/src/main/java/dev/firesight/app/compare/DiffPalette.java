package dev.firesight.app.compare;

import dev.firesight.app.flame.model.FrameColors;

import java.util.List;

/**
 * Colours of a diff flame graph as 0xRRGGBB, free of JavaFX so the canvas and the exports agree: a
 * neutral colour for no change (or one within sampling noise, which the diff tree decides), red where the target grew and blue where it shrank, mixed in proportion
 * to the change over the largest change in the tree.
 */
public final class DiffPalette {
    /** No change. */
    public static final int NEUTRAL = 0xeeeae3;
    /** The target grew (the most). */
    public static final int GREW = 0xd7301f;
    /** The target shrank (the most). */
    public static final int SHRANK = 0x2b6cb0;
    /** The root, which is never coloured by change. */
    public static final int ROOT = FrameColors.ROOT;

    private DiffPalette() {
    }

    /**
     * The colour of a change.
     *
     * @param delta   target minus baseline, in any normalisation
     * @param maxAbs  the largest absolute change in the tree, same normalisation
     */
    public static int color(double delta, double maxAbs) {
        if (maxAbs <= 0 || delta == 0 || Double.isNaN(delta)) {
            return NEUTRAL;
        }
        double t = Math.min(1, Math.abs(delta) / maxAbs);
        return mix(NEUTRAL, delta > 0 ? GREW : SHRANK, t);
    }

    static int mix(int from, int to, double t) {
        int r = (int) Math.round(((from >> 16) & 0xff) + (((to >> 16) & 0xff) - ((from >> 16) & 0xff)) * t);
        int g = (int) Math.round(((from >> 8) & 0xff) + (((to >> 8) & 0xff) - ((from >> 8) & 0xff)) * t);
        int b = (int) Math.round((from & 0xff) + ((to & 0xff) - (from & 0xff)) * t);
        return (r << 16) | (g << 8) | b;
    }

    /** The legend: the two ends of the scale, no change, and the two marked styles. */
    public static List<FrameColors.LegendEntry> legend() {
        return List.of(
                new FrameColors.LegendEntry("Grew in target (deeper = more)", GREW),
                new FrameColors.LegendEntry("Shrank in target", SHRANK),
                new FrameColors.LegendEntry("Unchanged or within sampling noise", NEUTRAL),
                new FrameColors.LegendEntry("New in target (hatched)", mix(NEUTRAL, GREW, 0.5)),
                new FrameColors.LegendEntry("Only in baseline (dashed outline)", mix(NEUTRAL, SHRANK, 0.5)));
    }
}
