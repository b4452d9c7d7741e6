package dev.firesight.app.flame.model;

import dev.firesight.app.format.MethodNames;

/**
 * Frame names made safe to show and fitted to a frame's width. Free of JavaFX; the canvas measures with
 * its font, SVG with an estimate.
 */
public final class FrameText {
    /** Widths of characters in some font. */
    public interface Measure {
        double width(char c);
    }

    private static final String ELLIPSIS = "\u2026";

    private FrameText() {
    }

    /**
     * The name as it may be displayed: control characters, bidirectional overrides and marks, lone
     * surrogates and non-characters become U+FFFD, so a name can neither reorder nor hide text.
     */
    public static String display(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= n || !Character.isLowSurrogate(name.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(name.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = Character.isLowSurrogate(c) || unsafe(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(n).append(name, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? name : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || c == 0xfffe || c == 0xffff;
    }

    /**
     * The longest form of a name that fits a width: the whole name, else without its package, else cut
     * with an ellipsis; null when not even one character and the ellipsis fit.
     */
    public static String fit(String name, double width, Measure measure) {
        if (width <= 0) {
            return null;
        }
        double full = width(name, measure, width);
        if (full <= width) {
            return name;
        }
        String shorter = withoutPackage(name);
        if (!shorter.equals(name) && width(shorter, measure, width) <= width) {
            return shorter;
        }
        double budget = width - measure.width('\u2026');
        double used = 0;
        int end = 0;
        while (end < shorter.length()) {
            double w = measure.width(shorter.charAt(end));
            if (used + w > budget) {
                break;
            }
            used += w;
            end++;
        }
        if (end > 0 && Character.isHighSurrogate(shorter.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? null : shorter.substring(0, end) + ELLIPSIS;
    }

    /** Width of a string, stopping early once past {@code limit}. */
    private static double width(String s, Measure measure, double limit) {
        double w = 0;
        for (int i = 0, n = s.length(); i < n && w <= limit; i++) {
            w += measure.width(s.charAt(i));
        }
        return w;
    }

    /**
     * {@code java.util.HashMap.get} becomes {@code HashMap.get}, as the tables name it ({@link MethodNames#shortName}):
     * one rule, so a frame reads the same in the flame graph, its chips and breadcrumb, and the hot methods.
     */
    public static String withoutPackage(String name) {
        return MethodNames.shortName(name);
    }
}
