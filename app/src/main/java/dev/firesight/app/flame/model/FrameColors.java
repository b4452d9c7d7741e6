package dev.firesight.app.flame.model;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.CallTree;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frame colours as 0xRRGGBB ints, free of JavaFX so the canvas, SVG, HTML and PNG renderers share them.
 * By kind: a hue family per {@link FrameKind}, each name nudged in lightness so neighbours stay apart.
 * By package: the package name hashed to a stable hue, so a package keeps its colour across views.
 */
public final class FrameColors {
    /** One legend row: what a colour means. */
    public record LegendEntry(String label, int rgb) {
    }

    private static final Map<FrameKind, Integer> KIND_BASE = new EnumMap<>(FrameKind.class);

    static {
        KIND_BASE.put(FrameKind.JIT, 0x4cb050);         // green: C2-compiled Java
        KIND_BASE.put(FrameKind.INLINED, 0x3eb8b0);     // teal: inlined Java
        KIND_BASE.put(FrameKind.C1, 0xb5cf47);          // yellow-green: C1-compiled Java
        KIND_BASE.put(FrameKind.INTERPRETED, 0x8fd0e8); // light blue: interpreted Java
        KIND_BASE.put(FrameKind.NATIVE, 0xe8805a);      // orange-red: native libraries
        KIND_BASE.put(FrameKind.CPP, 0xe0c040);         // amber: JVM C++
        KIND_BASE.put(FrameKind.KERNEL, 0xd48a3a);      // brown-orange: kernel
        KIND_BASE.put(FrameKind.CLASS, 0x7fa6e8);       // blue: allocated / locked class
        KIND_BASE.put(FrameKind.THREAD, 0xb9a4e0);      // lavender: thread roots
        KIND_BASE.put(FrameKind.UNKNOWN, 0xb0b0b0);     // grey
    }

    /** The colour of the root frame ("all"). */
    public static final int ROOT = 0xd9d4cc;
    /** Search matches, drawn over the mode's colour. */
    public static final int MATCH = 0xe040c0;
    /** A run of frames each narrower than a pixel, merged into one: a quiet grey with no name on it. */
    public static final int MERGED = 0xbdb8b0;

    private FrameColors() {
    }

    /** The base colour of a kind, as shown in the legend. */
    public static int kindColor(FrameKind kind) {
        return KIND_BASE.get(kind);
    }

    /** The colour of a tree node in a mode. */
    public static int color(CallTree tree, int node, ColorMode mode) {
        if (node == CallTree.ROOT) {
            return ROOT;
        }
        FrameKind kind = tree.kind(node);
        int nameHash = mix(tree.nameId(node));
        if (mode == ColorMode.PACKAGE && isJava(kind)) {
            return packageColor(packageOf(tree.name(node)), nameHash);
        }
        return vary(KIND_BASE.get(kind), nameHash);
    }

    static boolean isJava(FrameKind kind) {
        return kind == FrameKind.JIT || kind == FrameKind.INLINED || kind == FrameKind.C1
                || kind == FrameKind.INTERPRETED || kind == FrameKind.CLASS;
    }

    /**
     * A hue from the package name's hash, fixed saturation and lightness so text stays readable; never
     * magenta, so search matches stand out in either mode.
     */
    public static int packageColor(String pkg, int variation) {
        int h = pkg.hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        // Skip the magenta band (280-345 degrees): it is reserved for search matches.
        int t = Math.floorMod(h, 295);
        double hue = t < 280 ? t : t + 65;
        double light = 0.66 + ((variation & 0xff) / 255.0 - 0.5) * 0.06;
        return hsl(hue, 0.55, light);
    }

    /**
     * The package of a Java frame name such as {@code java.util.HashMap.get} or
     * {@code java/util/HashMap.get}: everything before the class name; "(default)" when there is none.
     */
    public static String packageOf(String name) {
        int end = name.indexOf('(');
        String s = end >= 0 ? name.substring(0, end) : name;
        s = s.replace('/', '.');
        int method = s.lastIndexOf('.');
        if (method <= 0) {
            return "(default)";
        }
        int cls = s.lastIndexOf('.', method - 1);
        return cls <= 0 ? "(default)" : s.substring(0, cls);
    }

    /** The legend for a mode: every kind, or the heaviest packages of the tree by self weight. */
    public static List<LegendEntry> legend(ColorMode mode, CallTree tree, int maxPackages) {
        List<LegendEntry> out = new ArrayList<>();
        if (mode == ColorMode.KIND || tree == null) {
            for (FrameKind k : FrameKind.values()) {
                if (k != FrameKind.UNKNOWN) {
                    out.add(new LegendEntry(k.label(), KIND_BASE.get(k)));
                }
            }
            return out;
        }
        Map<String, Long> self = new HashMap<>();
        for (int n = 1; n < tree.size(); n++) {
            if (tree.self(n) != 0 && isJava(tree.kind(n))) {
                self.merge(packageOf(tree.name(n)), tree.self(n), Long::sum);
            }
        }
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxPackages)
                .forEach(e -> out.add(new LegendEntry(e.getKey(), packageColor(e.getKey(), 128))));
        out.add(new LegendEntry("Other code (by kind)", KIND_BASE.get(FrameKind.NATIVE)));
        return out;
    }

    /** Text colour that reads on a fill: near-black on light fills, white on dark ones. */
    public static int textOn(int rgb) {
        double l = 0.2126 * lin(rgb >> 16) + 0.7152 * lin(rgb >> 8) + 0.0722 * lin(rgb);
        return l > 0.22 ? 0x1a1a1a : 0xffffff;
    }

    private static double lin(int c) {
        double v = (c & 0xff) / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Lightens or darkens a base colour a little by a hash, so adjacent frames are told apart. */
    static int vary(int rgb, int hash) {
        double f = 1.0 + (((hash >>> 8) & 0xff) / 255.0 - 0.5) * 0.16;
        int r = clamp((int) Math.round(((rgb >> 16) & 0xff) * f));
        int g = clamp((int) Math.round(((rgb >> 8) & 0xff) * f));
        int b = clamp((int) Math.round((rgb & 0xff) * f));
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }

    static int hsl(double hue, double sat, double light) {
        double c = (1 - Math.abs(2 * light - 1)) * sat;
        double hp = hue / 60.0;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        if (hp < 1) {
            r = c; g = x;
        } else if (hp < 2) {
            r = x; g = c;
        } else if (hp < 3) {
            g = c; b = x;
        } else if (hp < 4) {
            g = x; b = c;
        } else if (hp < 5) {
            r = x; b = c;
        } else {
            r = c; b = x;
        }
        double m = light - c / 2;
        return (clamp((int) Math.round((r + m) * 255)) << 16) | (clamp((int) Math.round((g + m) * 255)) << 8)
                | clamp((int) Math.round((b + m) * 255));
    }

    /** "#rrggbb" for SVG, HTML and CSS. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
