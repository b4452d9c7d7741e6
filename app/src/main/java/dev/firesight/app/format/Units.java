package dev.firesight.app.format;

import dev.firesight.parser.ViewKind;

import java.util.Locale;

/** Formats weights, durations and sizes the way people read them: "1.2 GB", "35.4 ms", "1,234". */
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
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        if (abs < 1024) {
            return String.format(Locale.ROOT, "%d B", Math.round(bytes));
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        int u = -1;
        double v = bytes;
        // 1,048,000 bytes is 1023.4 KB, which rounds to "1023 KB"; 1,048,500 would round to "1024 KB": carry it
        while ((Math.abs(v) >= 1024 || Math.abs(v) >= 1023.5 && u >= 0) && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 99.95 ? "%.0f %s" : "%.1f %s", v, units[u]);
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
