package dev.firesight.app.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Allocates from many distinct, deep stacks on several threads for a given number of milliseconds, so a
 * JFR recording of it holds hundreds of thousands of allocation samples. With the argument {@code unique}
 * every call path is random (nearly every sample its own stack: a worst case for call-tree building);
 * by default paths come from a fixed set of {@value #PATHS} (about 12,000 distinct stacks with the three
 * allocation kinds), closer to a real application.
 */
public final class RangeWorkload {
    private static volatile long sink;
    private static volatile boolean stop;
    static final int PATHS = 4096;
    private static boolean unique;

    private RangeWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 12_000;
        unique = args.length > 1 && args[1].equals("unique");
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(RangeWorkload::run, "worker-" + i);
            threads[i].start();
        }
        Thread.sleep(millis);
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("RangeWorkload done " + sink);
    }

    static void run() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (!stop) {
            int path = unique ? -1 : r.nextInt(PATHS);
            step(r, path, 0, unique ? r.nextInt(8, 40) : 8 + path % 32);
        }
    }

    /** Recurses through one of several methods, picked at random at each level, then allocates. */
    static void step(ThreadLocalRandom r, int path, int depth, int max) {
        if (depth >= max) {
            allocate(r);
            return;
        }
        int choice = path < 0 ? r.nextInt(6) : ((path >> (depth % 12)) + depth) % 6;
        switch (choice) {
            case 0 -> a(r, path, depth, max);
            case 1 -> b(r, path, depth, max);
            case 2 -> c(r, path, depth, max);
            case 3 -> d(r, path, depth, max);
            case 4 -> e(r, path, depth, max);
            default -> f(r, path, depth, max);
        }
    }

    static void a(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void b(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void c(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void d(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void e(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void f(ThreadLocalRandom r, int path, int depth, int max) {
        step(r, path, depth + 1, max);
    }

    static void allocate(ThreadLocalRandom r) {
        switch (r.nextInt(3)) {
            case 0 -> sink += new byte[r.nextInt(64, 4096)].length;
            case 1 -> sink += new long[r.nextInt(8, 512)].length;
            default -> sink += new StringBuilder(r.nextInt(16, 256)).append(sink).length();
        }
    }
}
