package dev.firesight.parser.findings;

import java.util.Locale;

/** Numbers in findings' sentences: sizes in binary units (1 MB = 2^20 bytes, as -Xmx counts), times in ms or s. */
final class Format {
    private Format() {
    }

    static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 || bytes >= 100 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }

    static String nanos(double nanos) {
        return nanos < 1e9 ? String.format(Locale.ROOT, "%.0f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
