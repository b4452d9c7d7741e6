package dev.firesight.parser;

import java.util.Locale;

/**
 * Numbers as the parser's sentences (warnings, notes, trends, findings) write them, one convention for all:
 * counts with thousands separators, sizes in binary units (1 MB = 2^20 bytes, as {@code -Xmx512m} counts),
 * short times in ms or s and spans in s, min or h.
 */
public final class Wording {
    private Wording() {
    }

    /** {@code 103,942}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 512 B}, {@code 1.2 MB}, {@code 943 MB}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (Math.abs(bytes) >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 || Math.abs(bytes) >= 100 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }

    /** A pause or other short time: {@code 34 ms}, {@code 1.6 s}. */
    public static String shortTime(double nanos) {
        return nanos < 1e9 ? String.format(Locale.ROOT, "%.0f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A span of a recording or an age: {@code 14 s}, {@code 41 min}, {@code 2.5 h}. */
    public static String span(long nanos) {
        double s = nanos / 1e9;
        return s < 120 ? String.format(Locale.ROOT, "%.0f s", s)
                : s < 7200 ? String.format(Locale.ROOT, "%.0f min", s / 60)
                : String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
