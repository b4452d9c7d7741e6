package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.LongList;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Native allocations that were never freed, matched by address the way async-profiler's converter does it with
 * {@code --nativemem --leak}: within each chunk, allocations ({@code profiler.Malloc}) and frees
 * ({@code profiler.Free}) are applied in time order (ties in file order), an allocation recording its address
 * and a free forgetting it; what is left at the end is leaked, except allocations made in the last tenth of
 * the recording's span of these events, which are too young to call leaks.
 */
final class NativeLeaks {
    /** The share of the span at its end whose allocations are left out (the converter's {@code --tail}). */
    static final double TAIL = 0.1;

    // this chunk's events, in file order; a free has size 0
    private final LongList ticks = new LongList();
    private final LongList addresses = new LongList();
    private final LongList sizes = new LongList();
    private final LongList times = new LongList();
    private final IntList localStacks = new IntList();
    private final IntList localThreads = new IntList();
    /** Live allocations by address: {ticks, time in ns, size, thread, stack}. */
    private final Map<Long, long[]> live = new HashMap<>();
    private long minTicks = Long.MAX_VALUE;
    private long maxTicks = Long.MIN_VALUE;

    void malloc(long tick, long timeNanos, long address, long size, int localStack, int localThread) {
        add(tick, timeNanos, address, size, localStack, localThread);
    }

    void free(long tick, long address) {
        add(tick, 0, address, 0, -1, -1);
    }

    private void add(long tick, long timeNanos, long address, long size, int localStack, int localThread) {
        ticks.add(tick);
        times.add(timeNanos);
        addresses.add(address);
        sizes.add(size);
        localStacks.add(localStack);
        localThreads.add(localThread);
        minTicks = Math.min(minTicks, tick);
        maxTicks = Math.max(maxTicks, tick);
    }

    boolean isEmpty() {
        return live.isEmpty() && ticks.size() == 0;
    }

    /** Applies the chunk's events in time order, with its local stack and thread keys resolved. */
    void endChunk(IntList stacks, IntList threads) {
        int n = ticks.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ticks.get(a), ticks.get(b))); // stable: ties keep file order
        for (int i : order) {
            long address = addresses.get(i);
            if (sizes.get(i) > 0) {
                live.put(address, new long[] {ticks.get(i), times.get(i), sizes.get(i),
                        threads.get(localThreads.get(i)), stacks.get(localStacks.get(i))});
            } else {
                live.remove(address);
            }
        }
        ticks.clear();
        times.clear();
        addresses.clear();
        sizes.clear();
        localStacks.clear();
        localThreads.clear();
    }

    /** Adds the leaked allocations to the leak view; returns how many had no stack and were left out. */
    long addTo(SampleRows leaks) {
        long cutoff = (long) (minTicks * TAIL + maxTicks * (1.0 - TAIL));
        long withoutStack = 0;
        for (long[] a : live.values()) {
            if (a[0] > cutoff) {
                continue;
            }
            if (a[4] < 0) {
                withoutStack++;
            } else {
                leaks.add(a[1], (int) a[3], (int) a[4], a[2]);
            }
        }
        return withoutStack;
    }
}
