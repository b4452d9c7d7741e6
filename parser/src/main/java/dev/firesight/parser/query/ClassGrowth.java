package dev.firesight.parser.query;

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

    /** The growing classes, fastest first; empty when the recording has no per-class counts. */
    public static List<Growth> of(Profile profile) {
        List<Growth> growing = new ArrayList<>();
        TimeSeries maxHeap = profile.series().get(TimeSeries.Kind.MAX_HEAP);
        double limit = maxHeap == null || maxHeap.size() == 0 ? Double.NaN : maxHeap.value(maxHeap.size() - 1);
        for (Map.Entry<String, TimeSeries> e : profile.liveBytesByClass().entrySet()) {
            MemoryTrend trend = MemoryTrend.of(e.getValue(), "Live " + e.getKey(), limit, "-Xmx");
            if (trend.growing()) {
                growing.add(new Growth(e.getKey(), trend));
            }
        }
        growing.sort(Comparator.comparingDouble((Growth g) -> g.trend().bytesPerHour()).reversed());
        return growing;
    }
}
