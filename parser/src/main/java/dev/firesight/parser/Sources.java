package dev.firesight.parser;

import java.util.BitSet;
import java.util.List;

/**
 * The JVMs a profile's samples come from. A folder of recordings (a JFR repository, periodic dumps, copies
 * from several replicas) can hold many; each JVM, told apart by its process id and start time, is a source,
 * and every thread belongs to one, so a source is a filter dimension like a thread.
 *
 * @param names        each source's label, e.g. {@code pid 4711 (started 12:01:07)}
 * @param threadSource the source of each thread of the profile
 */
public record Sources(List<String> names, int[] threadSource) {
    /** One source holding every thread, for profiles built without sources. */
    public static Sources single(int threads) {
        return new Sources(List.of("this JVM"), new int[threads]);
    }

    public int count() {
        return names.size();
    }

    /** The threads of one source, as a thread filter ({@link dev.firesight.parser.query.ProfileQuery#withThreads}). */
    public BitSet threads(int source) {
        BitSet threads = new BitSet(threadSource.length);
        for (int t = 0; t < threadSource.length; t++) {
            if (threadSource[t] == source) {
                threads.set(t);
            }
        }
        return threads;
    }
}
