package dev.firesight.app.timeline;

import dev.firesight.parser.query.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the timeline shows them: relative to the recording start and as wall-clock time. */
public final class TimeFormat {
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private TimeFormat() {
    }

    /** "+1.670 s", "+2:05.3" for long recordings. */
    public static String relative(long nanos) {
        double s = nanos / 1e9;
        if (Math.abs(s) >= 600) {
            long whole = (long) Math.floor(s);
            return String.format(Locale.ROOT, "+%d:%04.1f", whole / 60, s - whole / 60 * 60);
        }
        return String.format(Locale.ROOT, Math.abs(s) >= 100 ? "+%.1f s" : Math.abs(s) >= 10 ? "+%.2f s" : "+%.3f s",
                s);
    }

    /** "20:15:35.223" in the given zone. */
    public static String wallClock(long epochNanos, ZoneId zone) {
        return WALL.format(Instant.ofEpochSecond(0, epochNanos).atZone(zone));
    }

    /** A duration: "350 ms", "1.25 s". */
    public static String duration(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** The selection as the label reads it: relative span, duration, and wall-clock span. */
    public static String range(TimeRange range, long startNanos, ZoneId zone) {
        return relative(range.fromNanos() - startNanos) + " – " + relative(range.toNanos() - startNanos)
                + "  (" + duration(range.durationNanos()) + ")   " + wallClock(range.fromNanos(), zone) + " – "
                + wallClock(range.toNanos(), zone);
    }

    /** A tick step of 1, 2 or 5 times a power of ten nanoseconds giving about {@code count} ticks. */
    public static long tickStep(long spanNanos, int count) {
        long target = Math.max(1, spanNanos / Math.max(1, count));
        long p = 1;
        while (p * 10 <= target) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5}) {
            if (p * m >= target) {
                return p * m;
            }
        }
        return p * 10;
    }

    /**
     * A round value at or above {@code max}, for a lane's scale: 1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten.
     * With 1, 2 and 5 only, a peak of 5.2 GiB/s got a scale of 10 and the lane drew in its lower half.
     */
    public static double niceCeil(double max) {
        if (max <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 1.5, 2, 3, 4, 5, 6, 8, 10}) {
            if (p * m >= max) {
                return p * m;
            }
        }
        return p * 10;
    }

    /** As {@link #niceCeil}, in the binary unit (KiB, MiB, GiB) the value is shown in, so scales read "50 MiB/s". */
    public static double niceCeilBytes(double max) {
        double unit = 1;
        while (max / unit >= 1000 && unit < Math.pow(1024, 5)) {
            unit *= 1024;
        }
        return niceCeil(max / unit) * unit;
    }
}
