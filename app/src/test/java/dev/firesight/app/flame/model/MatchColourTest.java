package dev.firesight.app.flame.model;


import dev.firesight.app.compare.DiffPalette;
import dev.firesight.parser.FrameKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search match must stand out from every colour a frame can otherwise have: each kind's colour with every
 * per-name variation, every package colour, and the diff graph's growth and shrink shades.
 */
class MatchColourTest {
    /** Hue apart from the match colour's, in degrees: enough that magenta never reads as another kind. */
    private static final double MIN_HUE_DISTANCE = 30;

    @Test
    void noFrameKindColourIsCloseToTheMatchColour() {
        for (FrameKind kind : FrameKind.values()) {
            for (int variation = 0; variation < 256; variation++) {
                assertApart(FrameColors.vary(FrameColors.kindColor(kind), variation << 8), kind + " " + variation);
            }
        }
        assertApart(FrameColors.ROOT, "the root");
    }

    @Test
    void noPackageColourIsCloseToTheMatchColour() {
        for (int i = 0; i < 5000; i++) {
            String pkg = "com.example.p" + i;
            assertApart(FrameColors.packageColor(pkg, i & 0xff), pkg);
        }
    }

    @Test
    void noDiffShadeIsCloseToTheMatchColour() {
        for (int step = -100; step <= 100; step++) {
            assertApart(DiffPalette.color(step, 100), "diff " + step + "%");
        }
    }

    private static void assertApart(int rgb, String what) {
        double saturation = saturation(rgb);
        double distance = Math.abs(hue(rgb) - hue(FrameColors.MATCH));
        distance = Math.min(distance, 360 - distance);
        assertTrue(saturation < 0.2 || distance >= MIN_HUE_DISTANCE, what + " " + FrameColors.hex(rgb)
                + " is " + Math.round(distance) + "\u00b0 from the match colour " + FrameColors.hex(FrameColors.MATCH));
    }

    private static double hue(int rgb) {
        double[] c = channels(rgb);
        double max = Math.max(c[0], Math.max(c[1], c[2]));
        double d = max - Math.min(c[0], Math.min(c[1], c[2]));
        if (d == 0) {
            return 0;
        }
        double h = max == c[0] ? (c[1] - c[2]) / d % 6 : max == c[1] ? (c[2] - c[0]) / d + 2 : (c[0] - c[1]) / d + 4;
        return (h * 60 + 360) % 360;
    }

    private static double saturation(int rgb) {
        double[] c = channels(rgb);
        double max = Math.max(c[0], Math.max(c[1], c[2]));
        return max == 0 ? 0 : (max - Math.min(c[0], Math.min(c[1], c[2]))) / max;
    }

    private static double[] channels(int rgb) {
        return new double[] {(rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0};
    }
}
