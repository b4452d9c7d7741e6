package dev.firesight.attach.children;

/**
 * A child JVM workload with known hot spots: {@link #hotAllocation} allocates ten times the bytes of
 * {@link #coldAllocation}, {@link #spin} burns CPU without allocating,
 * and {@link #retain} keeps some objects alive. Prints "ready" once running.
 */
public final class AllocatingChild {
    static final java.util.List<Object> retained = new java.util.ArrayList<>();
    static volatile Object sink;
    static volatile long result;

    public static void main(String[] args) {
        System.out.println("ready");
        System.out.flush();
        while (true) {
            for (int i = 0; i < 100; i++) {
                hotAllocation();
                coldAllocation();
            }
            result += spin(2_000_000);
            retain();
        }
    }

    static void hotAllocation() {
        for (int i = 0; i < 10; i++) {
            sink = new byte[4096];
        }
    }

    /** A slow leak, so live-object profiling has survivors to report: about 400 KB per second. */
    static void retain() {
        if (retained.size() < 20_000) {
            retained.add(new byte[4096]);
        }
    }

    static void coldAllocation() {
        sink = new byte[4096];
    }

    static long spin(int rounds) {
        long x = 17;
        for (int i = 0; i < rounds; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }
}
