package dev.firesight.parser.jfr;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Whether the heap is nearly full of live data, judged by what the last collections left behind (the
 * pools' collection usage), which counts everything a load holds, not only the tables it can measure.
 * A load that sees this stops with a sentence while the JVM can still say it, rather than run into an
 * OutOfMemoryError that may strike any thread, the window's included.
 */
final class HeapPressure {
    /** Live data after the last collections, as a share of the maximum heap, that counts as full. */
    private static final double FULL = 0.80;
    private static final long CONFIRM_EVERY_NANOS = 1_000_000_000L;
    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();

    private HeapPressure() {
    }

    /** When the figure was last confirmed by a full collection; at most one a second, so loads stay fast. */
    private static volatile long lastConfirmed = System.nanoTime() - CONFIRM_EVERY_NANOS;

    static boolean high() {
        long max = Runtime.getRuntime().maxMemory();
        if (max == Long.MAX_VALUE || HEAP_POOLS.isEmpty() || liveAfterLastCollections() <= FULL * max) {
            return false;
        }
        // The figure may be left over from an earlier load whose data is garbage now, or count garbage a
        // partial collection left (G1 updates its old generation's figure only in mixed and full
        // collections): measure afresh before giving up, but not more than once a second.
        long now = System.nanoTime();
        if (now - lastConfirmed < CONFIRM_EVERY_NANOS) {
            return false;
        }
        lastConfirmed = now;
        System.gc();
        return liveAfterLastCollections() > FULL * max;
    }

    private static long liveAfterLastCollections() {
        long live = 0;
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }
}
