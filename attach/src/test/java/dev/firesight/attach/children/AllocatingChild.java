package dev.firesight.attach.children;

/**
 * A child JVM workload with known hot spots: {@link #hotAllocation} allocates ten times the bytes of
 * {@link #coldAllocation}, and {@link #spin} burns CPU without allocating. Prints "ready" once running.
 */
public final class AllocatingChild {
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
        }
    }

    static void hotAllocation() {
        for (int i = 0; i < 10; i++) {
            sink = new byte[4096];
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
