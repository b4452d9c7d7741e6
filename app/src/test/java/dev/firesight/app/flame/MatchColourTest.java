package dev.firesight.app.flame;

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
        double r = (rgb >> 16 & 0xff) / 255.0;
        double g = (rgb >> 8 & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        if (max == min) {
            return 0;
        }
        double d = max - min;
        double h = max == r ? (g - b) / d % 6 : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
        return (h * 60 + 360) % 360;
    }

    private static double saturation(int rgb) {
        double r = (rgb >> 16 & 0xff) / 255.0;
        double g = (rgb >> 8 & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        return max == 0 ? 0 : (max - min) / max;
    }
}
