import java.util.ArrayList;
import java.util.List;

/**
 * A small, busy program for making a real recording in about a second:
 *   java -XX:StartFlightRecording:filename=tiny.jfr,settings=profile TinyWorkload.java
 * It spends its CPU in a recognisable frame (fib) and allocates in another (allocate).
 */
public class TinyWorkload {
    public static void main(String[] args) {
        long end = System.nanoTime() + 1_000_000_000L;
        long sum = 0;
        List<byte[]> kept = new ArrayList<>();
        while (System.nanoTime() < end) {
            sum += fib(24);
            kept.add(allocate());
            if (kept.size() > 1000) {
                kept.clear();
            }
        }
        System.out.println("TinyWorkload done: " + sum);
    }

    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static byte[] allocate() {
        return new byte[16 * 1024];
    }
}
