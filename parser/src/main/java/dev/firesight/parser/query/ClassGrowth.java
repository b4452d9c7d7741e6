package dev.firesight.parser.query;

import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.TimeSeries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which classes the live heap holds ever more of, fastest first, from the per-class live bytes that
 * {@code jdk.ObjectCountAfterGC} records: a leak shows as a class that grows, not as the largest one (a big
 * cache of constant size is no leak).
 */
public final class ClassGrowth {
    private ClassGrowth() {
    }

    /** One growing class. */
    public record Growth(String className, MemoryTrend trend) {
    }

    /**
     * The growing classes of every JVM of the profile, fastest first; empty when the recording has no per-class
     * counts.
     */
    public static List<Growth> of(Profile profile) {
        List<Growth> growing = new ArrayList<>();
        for (JvmSeries jvm : profile.jvms()) {
            growing.addAll(of(jvm));
        }
        growing.sort(FASTEST_FIRST);
        return growing;
    }

    /** The growing classes of one JVM, fastest first. */
    public static List<Growth> of(JvmSeries jvm) {
        List<Growth> growing = new ArrayList<>();
        double limit = jvm.last(TimeSeries.Kind.MAX_HEAP);
        for (Map.Entry<String, TimeSeries> e : jvm.liveBytesByClass().entrySet()) {
            MemoryTrend trend = MemoryTrend.of(e.getValue(), "Live " + e.getKey(), limit, "-Xmx");
            if (trend.growing()) {
                growing.add(new Growth(e.getKey(), trend));
            }
        }
        growing.sort(FASTEST_FIRST);
        return growing;
    }

    private static final Comparator<Growth> FASTEST_FIRST =
            Comparator.comparingDouble((Growth g) -> g.trend().bytesPerHour()).reversed();
}
