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

    /**
     * One growing class of one JVM.
     *
     * @param sentence how it grows, said of its JVM when the recording is of several
     * @param source   that JVM, of a recording of several (a folder of replicas); -1 for a recording of one
     */
    public record Growth(String className, MemoryTrend trend, String sentence, int source) {
    }

    /**
     * The growing classes of every JVM of the profile, fastest first; empty when the recording has no per-class
     * counts. Each JVM's classes are its own: replicas each have their own heap.
     */
    public static List<Growth> of(Profile profile) {
        // The Live set list, the leak suspects and the findings each ask for them, on the workers at once: once.
        SoftCache<List<Growth>> cache = profile.derived("class-growth", SoftCache::new);
        return cache.get(() -> compute(profile));
    }

    private static List<Growth> compute(Profile profile) {
        List<Growth> growing = new ArrayList<>();
        boolean several = profile.jvms().size() > 1;
        for (int i = 0; i < profile.jvms().size(); i++) {
            JvmSeries jvm = profile.jvms().get(i);
            double limit = jvm.last(TimeSeries.Kind.MAX_HEAP);
            for (Map.Entry<String, TimeSeries> e : jvm.liveBytesByClass().entrySet()) {
                MemoryTrend trend = MemoryTrend.of(e.getValue(), "Live " + e.getKey(), limit, "-Xmx");
                if (trend.growing()) {
                    growing.add(new Growth(e.getKey(), trend, profile.aboutJvm(i, trend.sentence()), several ? i : -1));
                }
            }
        }
        growing.sort(FASTEST_FIRST);
        return List.copyOf(growing);
    }

    private static final Comparator<Growth> FASTEST_FIRST =
            Comparator.comparingDouble((Growth g) -> g.trend().bytesPerHour()).reversed();
}
