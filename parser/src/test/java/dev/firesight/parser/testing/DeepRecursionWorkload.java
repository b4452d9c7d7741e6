package dev.firesight.parser.testing;

/**
 * Burns CPU at the bottom of a deep recursion, for truncated-stack tests: recorded with a stack depth below
 * {@value #DEPTH} ({@link TestRecordings#deepRecursion()}), every CPU sample of {@code descend} has a stack
 * the recorder cuts, while {@code shallow} (called from {@code main} directly) stays whole.
 *
 * <p>Runs for {@code millis} (first argument, default {@value #DEFAULT_MILLIS}), alternating the two.
 */
public final class DeepRecursionWorkload {
    /** How deep {@code descend} recurses before burning CPU. */
    public static final int DEPTH = 40;
    public static final long DEFAULT_MILLIS = 2000;

    private static volatile long sink;

    private DeepRecursionWorkload() {
    }

    public static void main(String[] args) {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_MILLIS;
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            descend(DEPTH);
            shallow();
        }
        System.out.println("DeepRecursionWorkload done, sink=" + sink);
    }

    static void descend(int depth) {
        if (depth == 0) {
            burn();
        } else {
            descend(depth - 1);
        }
        sink++; // not a tail call: each level stays on the stack
    }

    static void shallow() {
        burn();
    }

    static void burn() {
        long x = sink;
        for (int i = 0; i < 2_000_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }
}
