package dev.firesight.parser.jfr;

import dev.firesight.parser.TimeSeries;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two rules for reading a JVM's heap that depend on what else its recording holds, applied per source when the
 * profile is put together.
 *
 * <ul>
 *   <li>The JDK writes a {@code jdk.GCHeapSummary} before and after each collection. async-profiler (without
 *   jfrsync) writes one a second of the heap as it is, also marked "After GC", with the collection count of the
 *   moment: read as the heap after GC, a 256 MB heap's churn looked like a live heap swinging from 30 to 155 MB,
 *   and the demo's leak read as "not growing". A source's "After GC" readings count only where it also has
 *   "Before GC" ones; its periodic readings stay what they are, heap used.</li>
 *   <li>async-profiler writes no {@code jdk.GCHeapConfiguration}, so its recordings had no -Xmx to draw or to
 *   project the heap to. Where a source has none, the maximum heap comes from its JVM's arguments
 *   ({@code -Xmx}, {@code -XX:MaxHeapSize}), when they set it.</li>
 * </ul>
 */
final class HeapReadings {
    private final BitSet beforeGc = new BitSet();
    private final BitSet afterGc = new BitSet();
    /** Per source, the time and bytes of the maximum heap its JVM's arguments set. */
    private final Map<Integer, long[]> maxHeapArguments = new HashMap<>();

    void beforeGc(int source) {
        beforeGc.set(source);
    }

    void afterGc(int source) {
        afterGc.set(source);
    }

    /** A JVM's arguments, read at {@code timeNanos}: their maximum heap, if they set one, is kept as a fallback. */
    void jvmArguments(int source, long timeNanos, String arguments) {
        long bytes = maxHeap(arguments);
        if (bytes > 0) {
            maxHeapArguments.put(source, new long[] {timeNanos, bytes});
        }
    }

    /**
     * Applies both rules to each source's readings ({@code points.get(s)}, by kind and time) and returns the note
     * to show, or null.
     */
    String apply(List<Map<TimeSeries.Kind, TreeMap<Long, Double>>> points) {
        int periodic = 0;
        for (int s = 0; s < points.size(); s++) {
            Map<TimeSeries.Kind, TreeMap<Long, Double>> own = points.get(s);
            if (afterGc.get(s) && !beforeGc.get(s) && own.remove(TimeSeries.Kind.HEAP_AFTER_GC) != null) {
                periodic++;
            }
            long[] argument = maxHeapArguments.get(s);
            if (argument != null && !own.containsKey(TimeSeries.Kind.MAX_HEAP)) {
                TreeMap<Long, Double> max = new TreeMap<>();
                max.put(argument[0], (double) argument[1]);
                own.put(TimeSeries.Kind.MAX_HEAP, max);
            }
        }
        String whose = points.size() > 1 ? "Of " + periodic + " of the JVMs, the heap readings are"
                : "The heap readings are";
        return periodic == 0 ? null : whose + " taken once a second (as async-profiler writes them), not after collections: they"
                + " are read as heap used, and the heap after GC, the live heap whose growth shows a leak, is not in the"
                + " recording. Record with --engine jfr (or async-profiler's jfrsync) to have it.";
    }

    /** The maximum heap that JVM arguments set (the last -Xmx or -XX:MaxHeapSize wins), or -1. */
    static long maxHeap(String arguments) {
        if (arguments == null) {
            return -1;
        }
        long bytes = -1;
        for (String a : arguments.trim().split("\\s+")) {
            String value = a.startsWith("-Xmx") ? a.substring(4)
                    : a.startsWith("-XX:MaxHeapSize=") ? a.substring("-XX:MaxHeapSize=".length()) : null;
            long parsed = value == null ? -1 : size(value);
            if (parsed > 0) {
                bytes = parsed;
            }
        }
        return bytes;
    }

    /** A HotSpot size ("256m", "2G", "1048576"), or -1 when it is not one. */
    private static long size(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        char unit = Character.toLowerCase(value.charAt(value.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        try {
            long n = Long.parseLong(digits.toLowerCase(Locale.ROOT));
            return n > 0 && n < (Long.MAX_VALUE >> shift) ? n << shift : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
