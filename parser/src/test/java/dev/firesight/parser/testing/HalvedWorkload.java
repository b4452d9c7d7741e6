package dev.firesight.parser.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Two captures that differ by a known ratio: for diff tests.
 *
 * <p>Thread {@value #THREAD}, each round: {@code HalvedWorkload.allocateSteady} allocates
 * {@value #STEADY_CHUNKS} × {@code byte[}{@value #CHUNK_SIZE}{@code ]}, {@code HalvedWorkload.allocateHalvable}
 * allocates {@code factor} times that many, and with {@code factor >= 1.0} {@code HalvedWorkload.onlyInBaseline}
 * allocates {@value #STEADY_CHUNKS} × {@code long[}{@value #LONGS}{@code ]} (never called with 0.5).
 * Arguments: factor (default 1.0), duration in milliseconds (default {@value #DEFAULT_MILLIS}).
 */
public final class HalvedWorkload {
    public static final String THREAD = "halved";
    public static final long DEFAULT_MILLIS = 2500;
    public static final int CHUNK_SIZE = 8 * 1024;
    public static final int STEADY_CHUNKS = 8;
    public static final int LONGS = 1024;

    private static final Object[] RETAINED = new Object[64];
    private static volatile long sink;

    private HalvedWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_MILLIS;
        Thread thread = new Thread(() -> run(factor, millis), THREAD);
        thread.start();
        thread.join();
        System.out.println("HalvedWorkload done, factor=" + factor + ", sink=" + sink);
    }

    static void run(double factor, long millis) {
        int halvableChunks = (int) Math.round(STEADY_CHUNKS * factor);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int round = 0;
        while (System.nanoTime() < end) {
            allocateSteady(round);
            allocateHalvable(round, halvableChunks);
            if (factor >= 1.0) {
                onlyInBaseline(round);
            }
            round++;
            if (round % 16 == 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
        }
    }

    static void allocateSteady(int round) {
        for (int i = 0; i < STEADY_CHUNKS; i++) {
            keep(round, i, new byte[CHUNK_SIZE]);
        }
    }

    static void allocateHalvable(int round, int chunks) {
        for (int i = 0; i < chunks; i++) {
            keep(round, i + STEADY_CHUNKS, new byte[CHUNK_SIZE]);
        }
    }

    static void onlyInBaseline(int round) {
        for (int i = 0; i < STEADY_CHUNKS; i++) {
            long[] longs = new long[LONGS];
            longs[i] = round;
            keep(round, i + 2 * STEADY_CHUNKS, longs);
        }
    }

    private static void keep(int round, int i, Object o) {
        RETAINED[(round * 3 + i) % RETAINED.length] = o;
        sink += i;
    }
}
