package dev.firesight.parser;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one JVM recorded over time: its levels (heap used and committed, metaspace, resident set, CPU load,
 * thread and throwable counts), its limits, its GC pauses, and its live bytes per class. Kept apart per JVM:
 * two replicas' heap readings taken together would draw a zigzag between them and fit a trend to neither.
 *
 * @param name             the JVM, as {@link Sources#names()} says it
 * @param series           its series by kind, each with at least one reading
 * @param liveBytesByClass each class's live bytes after the collections that counted them
 *                         ({@code jdk.ObjectCountAfterGC}), by class name; empty when not recorded
 */
public record JvmSeries(String name, Map<TimeSeries.Kind, TimeSeries> series,
                        Map<String, TimeSeries> liveBytesByClass) {
    public JvmSeries {
        series = Collections.unmodifiableMap(series.isEmpty()
                ? new EnumMap<>(TimeSeries.Kind.class) : new EnumMap<>(series));
        liveBytesByClass = Map.copyOf(liveBytesByClass);
    }

    /** The readings in {@code [from, to]}; a limit, which the JVM writes at its start, is kept whole. */
    public JvmSeries within(long from, long to) {
        return new JvmSeries(name, Profile.within(series, from, to), Profile.within(liveBytesByClass, from, to));
    }

    /** The series of a kind, or null when this JVM has no reading of it. */
    public TimeSeries get(TimeSeries.Kind kind) {
        TimeSeries s = series.get(kind);
        return s == null || s.size() == 0 ? null : s;
    }

    /** The last reading of a kind (a limit's current value), or NaN without one. */
    public double last(TimeSeries.Kind kind) {
        TimeSeries s = get(kind);
        return s == null ? Double.NaN : s.value(s.size() - 1);
    }
}
