package dev.firesight.parser.query;

import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.TimeSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Which memory a JVM uses against which limit: the byte series a recording holds (heap, metaspace, direct
 * buffers, native memory, resident set, container usage), the limit that applies to them, and whether the
 * live heap and the resident set grow toward it. What the window's memory lane draws and {@code summary}
 * prints.
 *
 * @param jvm       the JVM whose memory this is, as the profile's sources name it
 * @param uses      the series present, in drawing order, each with at least one reading
 * @param limits    the limits present (maximum heap, container limit, physical memory)
 * @param limit     the limit that applies: the container's, else the maximum heap, else physical memory; or null
 * @param trends    the live heap's and the resident set's trends, where the recording has them
 */
public record MemoryBudget(String jvm, List<TimeSeries> uses, List<TimeSeries> limits, TimeSeries limit,
                           List<MemoryTrend> trends) {
    /** The kinds of memory use, in the order they are drawn and printed. */
    public static final List<TimeSeries.Kind> USES = List.of(TimeSeries.Kind.HEAP_USED,
            TimeSeries.Kind.HEAP_AFTER_GC, TimeSeries.Kind.HEAP_COMMITTED, TimeSeries.Kind.METASPACE_USED,
            TimeSeries.Kind.METASPACE_COMMITTED, TimeSeries.Kind.DIRECT_BUFFERS,
            TimeSeries.Kind.NATIVE_MEMORY_COMMITTED, TimeSeries.Kind.RESIDENT_SET_SIZE,
            TimeSeries.Kind.CONTAINER_MEMORY_USAGE);
    /** The limits, in the order that decides which applies. */
    public static final List<TimeSeries.Kind> LIMITS = TimeSeries.LIMITS;
    /** Why there is nothing to show, in the window and the CLI alike. */
    public static final String ABSENT = "The recording has no heap, metaspace, native-memory or container readings"
            + " (JFR's GC and memory events were off, or async-profiler recorded it without jfrsync).";

    /** The memory of one JVM. */
    public static MemoryBudget of(JvmSeries jvm) {
        List<TimeSeries> uses = present(jvm, USES);
        List<TimeSeries> limits = present(jvm, LIMITS);
        List<MemoryTrend> trends = new ArrayList<>();
        for (MemoryTrend t : new MemoryTrend[] {MemoryTrend.liveHeap(jvm), MemoryTrend.residentSetSize(jvm)}) {
            if (t != null) {
                trends.add(t);
            }
        }
        return new MemoryBudget(jvm.name(), uses, limits, limits.isEmpty() ? null : limits.get(0),
                List.copyOf(trends));
    }

    /**
     * Which JVM of the profile is nearest running out: the one whose growing live heap or resident set reaches
     * its limit soonest; when none grows, the one whose live memory (heap after GC, else every use) came
     * closest to its limit. Committed heap does not decide: every JVM commits up to its maximum in time.
     */
    public static int nearestLimit(Profile profile) {
        int best = 0;
        double bestHours = Double.POSITIVE_INFINITY;
        double bestShare = -1;
        for (int i = 0; i < profile.jvms().size(); i++) {
            MemoryBudget b = of(profile.jvms().get(i));
            double hours = Double.POSITIVE_INFINITY;
            for (MemoryTrend t : b.trends()) {
                if (t.growing() && !Double.isNaN(t.hoursToLimit())) {
                    hours = Math.min(hours, Math.max(0, t.hoursToLimit()));
                }
            }
            double share = b.liveShare();
            if (hours < bestHours || hours == bestHours && share > bestShare) {
                best = i;
                bestHours = hours;
                bestShare = share;
            }
        }
        return best;
    }

    /** The peak of the live heap (else of every use) against the applying limit, or the peak without one. */
    private double liveShare() {
        double peak = uses.stream().filter(s -> s.kind() == TimeSeries.Kind.HEAP_AFTER_GC).findFirst()
                .map(TimeSeries::max).orElse(peak());
        double limit = limitBytes();
        return Double.isNaN(limit) || limit <= 0 ? peak : peak / limit;
    }

    private static List<TimeSeries> present(JvmSeries jvm, List<TimeSeries.Kind> kinds) {
        List<TimeSeries> out = new ArrayList<>();
        for (TimeSeries.Kind kind : kinds) {
            TimeSeries s = jvm.get(kind);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** True when the recording has no memory use readings at all. */
    public boolean isEmpty() {
        return uses.isEmpty();
    }

    /** The last value of the applying limit, or NaN without one. */
    public double limitBytes() {
        return limit == null ? Double.NaN : limit.value(limit.size() - 1);
    }

    /** The largest reading of any use series. */
    public double peak() {
        double max = 0;
        for (TimeSeries s : uses) {
            max = Math.max(max, s.max());
        }
        return max;
    }
}
