package dev.firesight.parser;

import java.util.Locale;

/**
 * Numbers as Firesight writes them (the parser's sentences, and through {@code app.format.Units} the window
 * and the command line), one convention for all: counts with thousands separators, sizes in binary units
 * labelled as such (1 KiB = 1,024 bytes, 1 MiB = 2^20 bytes, as {@code -Xmx512m} counts), short times in ms
 * or s and spans in s, min or h.
 */
public final class Wording {
    private Wording() {
    }

    /** {@code 103,942}. */
    /**
     * A ratio to two significant digits, "0.59" or "0.0032" or "12": "%.2f" printed a ratio of 0.0032 as "0.00
     * times", which read as nothing at all.
     */
    public static String ratio(double r) {
        if (!Double.isFinite(r) || r == 0) {
            return Double.isNaN(r) ? "?" : r == 0 ? "0" : r > 0 ? "∞" : "-∞";
        }
        return new java.math.BigDecimal(r).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The binary size units, in powers of 1,024 from bytes. */
    private static final String[] SIZE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    /** {@code 512 B}, {@code 1.2 MiB}, {@code 943 MiB}, {@code 1.0 GiB} (never {@code 1024 MiB}). */
    public static String bytes(double bytes) {
        int u = 0;
        // 1,048,500 bytes is 1023.9 KiB, which would round to "1024 KiB": carry it to the next unit
        while ((Math.abs(bytes) >= 1024 || u > 0 && Math.abs(bytes) >= 1023.5) && u < SIZE_UNITS.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 || Math.abs(bytes) >= 99.95 ? "%.0f %s" : "%.1f %s", bytes,
                SIZE_UNITS[u]);
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
