package dev.firesight.parser.testing;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Two captures that differ by a known ratio: for diff tests.
 *
 * <p>Thread {@value #THREAD} runs {@value #ROUNDS} rounds, {@value #PAUSE_MILLIS} ms apart. Each round
 * {@code HalvedWorkload.allocateSteady} allocates {@value #ROUND_BYTES} bytes of {@code byte[]},
 * {@code HalvedWorkload.allocateHalvable} allocates {@code factor} times that, and with {@code factor >= 1.0}
 * {@code HalvedWorkload.onlyInBaseline} allocates half of it as {@code long[]} (never called with 0.5). The
 * work is fixed, not timed, so {@code allocateSteady} allocates exactly the same bytes in both captures.
 *
 * <p>Arrays are 1–16 KiB, sizes and call order drawn from a seeded random generator: a fixed, periodic
 * pattern would alias with JFR's TLAB-based sampling and bias the sampled weights toward one method.
 * The exact requested bytes per method are printed as {@code allocated steady=.. halvable=.. baseline=..}.
 *
 * <p>Arguments: factor (default 1.0), rounds (default {@value #ROUNDS}).
 */
public final class HalvedWorkload {
    public static final String THREAD = "halved";
    public static final int ROUNDS = 250;
    public static final long PAUSE_MILLIS = 8;
    public static final int ROUND_BYTES = 4 * 1024 * 1024;
    public static final int MIN_ARRAY = 1024;
    public static final int MAX_ARRAY = 16 * 1024;

    private static final Object[] RETAINED = new Object[64];
    private static volatile long sink;
    private static long steadyBytes;
    private static long halvableBytes;
    private static long baselineBytes;

    private HalvedWorkload() {
    }

    /** A frame name of this class as the oracles print it, e.g. {@code frame("allocateSteady")}. */
    public static String frame(String method) {
        return HalvedWorkload.class.getName() + '.' + method;
    }

    public static void main(String[] args) throws InterruptedException {
        double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : ROUNDS;
        Thread thread = new Thread(() -> run(factor, rounds), THREAD);
        thread.start();
        thread.join();
        System.out.println("allocated steady=" + steadyBytes + " halvable=" + halvableBytes
                + " baseline=" + baselineBytes);
        System.out.println("HalvedWorkload done, factor=" + factor + ", sink=" + sink);
    }

    static void run(double factor, int rounds) {
        Random random = new Random(42);
        for (int round = 0; round < rounds; round++) {
            int steady = ROUND_BYTES;
            int halvable = (int) Math.round(ROUND_BYTES * factor);
            int baseline = factor >= 1.0 ? ROUND_BYTES / 2 : 0;
            while (steady + halvable + baseline > 0) {
                int pick = random.nextInt(steady + halvable + baseline);
                int size = MIN_ARRAY + random.nextInt(MAX_ARRAY - MIN_ARRAY);
                if (pick < steady) {
                    size = Math.min(size, steady);
                    allocateSteady(size);
                    steady -= size;
                } else if (pick < steady + halvable) {
                    size = Math.min(size, halvable);
                    allocateHalvable(size);
                    halvable -= size;
                } else {
                    size = Math.min(size, baseline);
                    onlyInBaseline(size);
                    baseline -= size;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
        }
    }

    static void allocateSteady(int bytes) {
        keep(new byte[bytes]);
        steadyBytes += bytes;
    }

    static void allocateHalvable(int bytes) {
        keep(new byte[bytes]);
        halvableBytes += bytes;
    }

    static void onlyInBaseline(int bytes) {
        keep(new long[Math.max(1, bytes / 8)]);
        baselineBytes += bytes;
    }

    private static void keep(Object o) {
        int i = (int) (sink++ & (RETAINED.length - 1));
        RETAINED[i] = o;
    }
}
