package dev.firesight.app.format;

import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Wording;

import java.util.Locale;

/**
 * Formats weights, durations and sizes the way people read them: "1.2 GiB", "35.4 ms", "1,234". Sizes and
 * counts follow {@link Wording}, the one convention of the parser's sentences too: binary units labelled as
 * such (KiB, MiB, GiB).
 */
public final class Units {
    private Units() {
    }

    public static String weight(long value, ViewKind.Unit unit) {
        switch (unit) {
            case BYTES:
                return bytes(value);
            case NANOS:
                return nanos(value);
            default:
                return count(value) + (value == 1 ? " sample" : " samples");
        }
    }

    public static String count(long value) {
        return Wording.count(value);
    }

    public static String bytes(double bytes) {
        return Wording.bytes(bytes);
    }

    public static String nanos(double nanos) {
        double abs = Math.abs(nanos);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", nanos);
        }
        if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    public static String percent(double part, double whole) {
        if (whole == 0) {
            return "0%";
        }
        double p = 100.0 * part / whole;
        return String.format(Locale.ROOT, p >= 10 || p == 0 ? "%.1f%%" : "%.2f%%", p);
    }
}
