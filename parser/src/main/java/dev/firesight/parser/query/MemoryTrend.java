package dev.firesight.parser.query;

import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.Wording;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether a memory series grows over a recording, how fast, and when it would reach its limit at that rate.
 *
 * <p>Heap use is a sawtooth: it climbs between collections and drops at each. What leaks is what stays
 * after the drops, so the trend is fitted to the lower envelope: the recording is cut into equal windows
 * and each window contributes its lowest value. The fit is Theil-Sen (the median of the slopes between
 * every two windows), which one odd window, such as a full collection that frees more than usual, cannot
 * swing. A series "grows" when the slope is positive, the windows rise in order (Kendall's tau at least
 * 0.5) and the growth over the recording is more than 2 % of the level (and more than 1 MB); otherwise it
 * is "not growing". Too few readings give no verdict at all, and say what is missing.
 *
 * <p>A fitted line is not the whole story near the limit. When a reading already came within
 * {@value #NEAR_LIMIT_PERCENT}% of the limit (a heap still full after its collections), the sentence says so
 * instead of projecting when the line would get there. A projection many times longer than the readings it
 * comes from says how little it stands on.
 *
 * @param kind          the series
 * @param readings      points the series had
 * @param bytesPerHour  the fitted growth, or NaN without a verdict
 * @param growing       true when the series grows (see above)
 * @param current       the fitted value at the end of the recording, or NaN
 * @param limit         the limit it runs into, or NaN when the recording gives none
 * @param limitName     the limit's name ("-Xmx"), or null
 * @param hoursToLimit  hours until the fitted line reaches the limit, 0 when a reading already came within
 *                      {@value #NEAR_LIMIT_PERCENT}% of it, or NaN when it does not grow or has none
 * @param sentence      all of it in one sentence
 */
public record MemoryTrend(TimeSeries.Kind kind, int readings, double bytesPerHour, boolean growing, double current,
                          double limit, String limitName, double hoursToLimit, String sentence) {
    /** Fewer readings than this give no verdict: a few collections cannot tell a trend from noise. */
    public static final int MIN_READINGS = 6;
    private static final int MIN_WINDOWS = 4;
    /** Readings spanning less than this give no verdict either. */
    public static final long MIN_SPAN_NANOS = 3_000_000_000L;
    private static final int MAX_WINDOWS = 12;
    private static final double NANOS_PER_HOUR = 3.6e12;
    /** A reading this close to the limit, in percent, means the series already ran into it. */
    static final int NEAR_LIMIT_PERCENT = 90;
    /** A projection further ahead than this many times the readings' span is marked as such. */
    private static final int FAR_PROJECTION = 10;
    private static final double MB = 1 << 20;

    /** The trend of heap used after GC against the maximum heap, or null when the recording has no GCs. */
    public static MemoryTrend liveHeap(JvmSeries jvm) {
        TimeSeries series = jvm.get(TimeSeries.Kind.HEAP_AFTER_GC);
        return series == null ? null : of(series, jvm.last(TimeSeries.Kind.MAX_HEAP), "-Xmx");
    }

    /**
     * The trend of the resident set size against the container's memory limit, else physical memory; null
     * when the recording has no RSS readings (JDK 21 and later record them).
     */
    public static MemoryTrend residentSetSize(JvmSeries jvm) {
        TimeSeries series = jvm.get(TimeSeries.Kind.RESIDENT_SET_SIZE);
        if (series == null) {
            return null;
        }
        double container = jvm.last(TimeSeries.Kind.CONTAINER_MEMORY_LIMIT);
        return Double.isNaN(container) ? of(series, jvm.last(TimeSeries.Kind.PHYSICAL_MEMORY), "physical memory")
                : of(series, container, "the container limit");
    }

    /** The trend of any series against a limit (NaN for none). */
    public static MemoryTrend of(TimeSeries series, double limit, String limitName) {
        return of(series, series.kind().title(), limit, limitName);
    }

    /** The same, with the series named in the sentence as given (e.g. "Live byte[]"). */
    public static MemoryTrend of(TimeSeries series, String what, double limit, String limitName) {
        int n = series.size();
        String limitText = Double.isNaN(limit) ? null : limitName + " (" + mb(limit) + ")";
        if (n < MIN_READINGS) {
            return new MemoryTrend(series.kind(), n, Double.NaN, false, Double.NaN, limit, limitName, Double.NaN,
                    what + ": too little data for a trend (" + n + " reading" + (n == 1 ? "" : "s") + "; at least "
                            + MIN_READINGS + " are needed" + (series.kind() == TimeSeries.Kind.HEAP_AFTER_GC
                            ? ", that is, " + MIN_READINGS + " garbage collections" : "") + ").");
        }
        long t0 = series.timeNanos(0);
        long span = Math.max(1, series.timeNanos(n - 1) - t0);
        if (span < MIN_SPAN_NANOS) {
            // a JVM's live set grows while it warms up: seconds of readings say nothing about hours
            return new MemoryTrend(series.kind(), n, Double.NaN, false, Double.NaN, limit, limitName, Double.NaN,
                    what + ": too little data for a trend (its readings span only " + Wording.shortTime(span) + "; at least "
                            + Wording.span(MIN_SPAN_NANOS) + " are needed).");
        }
        int windows = Math.max(MIN_WINDOWS, Math.min(MAX_WINDOWS, n / 3));
        double[] x = new double[windows];
        double[] y = new double[windows];
        boolean[] filled = new boolean[windows];
        for (int i = 0; i < n; i++) {
            int w = (int) Math.min(windows - 1, (series.timeNanos(i) - t0) * windows / span);
            if (!filled[w] || series.value(i) < y[w]) {
                y[w] = series.value(i);
                x[w] = series.timeNanos(i) - t0;
                filled[w] = true;
            }
        }
        int m = 0;
        for (int w = 0; w < windows; w++) {
            if (filled[w]) {
                x[m] = x[w];
                y[m++] = y[w];
            }
        }
        if (m < MIN_WINDOWS) {
            return new MemoryTrend(series.kind(), n, Double.NaN, false, Double.NaN, limit, limitName, Double.NaN,
                    what + ": too little data for a trend (its " + n + " readings fall in fewer than " + MIN_WINDOWS
                            + " stretches of the recording).");
        }
        double slope = theilSen(x, y, m);
        double[] residual = new double[m];
        for (int i = 0; i < m; i++) {
            residual[i] = y[i] - slope * x[i];
        }
        double current = median(residual, m) + slope * span;
        double perHour = slope * NANOS_PER_HOUR;
        double level = median(y.clone(), m);
        boolean rising = slope > 0 && kendallTau(x, y, m) >= 0.5;
        boolean growing = rising && slope * span > Math.max(MB, 0.02 * level);
        String over = " over " + Wording.span(span);
        double peak = max(series);
        String reached = Double.isNaN(limit) || peak * 100 < NEAR_LIMIT_PERCENT * limit ? null
                : "it already reached " + mb(peak) + ", " + Math.round(100 * peak / limit) + "% of " + limitText;
        if (!growing && rising && reached == null && perHour > Math.max(MB, 0.02 * level)) {
            // Seconds of a steady leak rise less than the megabyte a verdict needs: that is no evidence that it stops
            // (5 s of the demo's 11 MiB/min leak read "is not growing (+937 KiB over 5 s)"). A rise that would pass
            // that bar within the hour is not dismissed; churn's few bytes a second are not growth.
            return new MemoryTrend(series.kind(), n, perHour, false, current, limit, limitName, Double.NaN,
                    what + " rises " + signedMb(slope * span) + over + ", too little to tell growth from noise;"
                            + " a longer stretch of the recording can.");
        }
        if (!growing) {
            return new MemoryTrend(series.kind(), n, perHour, false, current, limit, limitName, Double.NaN,
                    what + " is not growing (" + signedMb(slope * span) + over + ")"
                            + (reached == null ? "." : ", but " + reached + "."));
        }
        double hours = reached != null ? 0
                : Double.isNaN(limit) || limit <= current ? Double.NaN : (limit - current) / perHour;
        String sentence = what + " grows " + rate(perHour) + over
                + (reached != null ? "; " + reached + "."
                : limitText == null ? "; the recording gives no limit to project it to."
                : limit <= current ? "; it is already at " + limitText + "."
                : "; at that rate it reaches " + limitText + " in about " + hours(hours)
                        + (hours * NANOS_PER_HOUR > FAR_PROJECTION * span
                        ? " (projected from " + Wording.span(span) + " of readings; record longer to confirm it)."
                        : "."));
        return new MemoryTrend(series.kind(), n, perHour, true, current, limit, limitName, hours, sentence);
    }

    private static double max(TimeSeries series) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < series.size(); i++) {
            max = Math.max(max, series.value(i));
        }
        return max;
    }

    /** "grows 41 MB/h" for a growing series, else null. */
    public String growthText() {
        return growing ? "grows " + rate(bytesPerHour) : null;
    }


    private static double theilSen(double[] x, double[] y, int m) {
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (x[j] != x[i]) {
                    slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }
        return k == 0 ? 0 : median(slopes, k);
    }

    /** Kendall's tau: +1 when every later window is higher than every earlier one, -1 when lower. */
    private static double kendallTau(double[] x, double[] y, int m) {
        int concordant = 0;
        int discordant = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double s = Math.signum(x[j] - x[i]) * Math.signum(y[j] - y[i]);
                if (s > 0) {
                    concordant++;
                } else if (s < 0) {
                    discordant++;
                }
            }
        }
        int pairs = m * (m - 1) / 2;
        return pairs == 0 ? 0 : (concordant - discordant) / (double) pairs;
    }

    private static double median(double[] values, int n) {
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Sizes as everywhere in Firesight (binary units: 64.0 MiB, 5.9 GiB), so the sentence and the lane agree. */
    static String mb(double bytes) {
        return Wording.bytes(bytes);
    }

    /** A growth rate per hour, or per minute when that reads better (fast leaks in tests and demos). */
    private static String rate(double bytesPerHour) {
        return bytesPerHour >= 600 * MB ? mb(bytesPerHour / 60) + "/min" : mb(bytesPerHour) + "/h";
    }

    private static String signedMb(double bytes) {
        return (bytes >= 0 ? "+" : "-") + mb(Math.abs(bytes));
    }

    private static String hours(double h) {
        if (h * 60 < 1) {
            return Math.max(1, Math.round(h * 3600)) + " s";
        }
        if (h < 1) {
            return Math.max(1, Math.round(h * 60)) + " min";
        }
        return h < 48 ? String.format(Locale.ROOT, "%.0f h", h) : String.format(Locale.ROOT, "%.0f days", h / 24);
    }

}
