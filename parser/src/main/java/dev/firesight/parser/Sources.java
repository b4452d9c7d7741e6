package dev.firesight.parser;

import java.util.BitSet;
import java.util.List;

/**
 * The JVMs a profile's samples come from, and the time their recordings cover. A folder of recordings (a JFR
 * repository, periodic dumps, copies from several replicas) can hold many; each JVM, told apart by its process
 * id and start time, is a source, and every thread belongs to one, so a source is a filter dimension like a
 * thread. Files need not follow each other: a stretch no chunk covers is a gap, where nothing was recorded,
 * which a timeline must not show as a quiet period.
 *
 * @param names        each source's label, e.g. {@code pid 4711 (started 12:01:07)}
 * @param threadSource the source of each thread of the profile
 * @param gaps         the stretches between the first chunk's start and the last chunk's end that no chunk
 *                     covers, at least {@link #MIN_GAP_NANOS} long, in time order
 * @param spans        each source's first chunk's start to its last chunk's end, by source; null for a source
 *                     no chunk was counted for (see {@link #span})
 */
public record Sources(List<String> names, int[] threadSource, List<Span> gaps, List<Span> spans) {
    /** Shorter stretches are the slack between a chunk's end and the next one's start, not a gap. */
    public static final long MIN_GAP_NANOS = 1_000_000_000L;

    /** A stretch of time, in epoch nanoseconds. */
    public record Span(long fromNanos, long toNanos) {
        public long durationNanos() {
            return toNanos - fromNanos;
        }

        public boolean contains(long nanos) {
            return nanos >= fromNanos && nanos < toNanos;
        }
    }

    public Sources {
        names = List.copyOf(names);
        gaps = List.copyOf(gaps);
        spans = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(spans));
    }

    /** One source holding every thread, for profiles built without sources. */
    public static Sources single(int threads) {
        return new Sources(List.of("this JVM"), new int[threads], List.of(), List.of());
    }

    /**
     * The time one source's recordings cover, from its first chunk's start to its last chunk's end, or null when
     * not known. Replicas' dumps need not be of the same hours: a timeline of one of them shows its own.
     */
    public Span span(int source) {
        return source >= 0 && source < spans.size() ? spans.get(source) : null;
    }

    /**
     * Each source's span from chunks' {from, to, source} (a source below 0 is not counted); a chunk still being
     * written ({@code to} is {@link Long#MAX_VALUE}) ends where the source's last known end is.
     */
    public static List<Span> spansOf(List<long[]> covered, int sources) {
        long[] from = new long[sources];
        long[] to = new long[sources];
        java.util.Arrays.fill(from, Long.MAX_VALUE);
        java.util.Arrays.fill(to, Long.MIN_VALUE);
        for (long[] c : covered) {
            int s = c.length > 2 ? (int) c[2] : -1;
            if (s >= 0 && s < sources) {
                from[s] = Math.min(from[s], c[0]);
                to[s] = Math.max(to[s], c[1] == Long.MAX_VALUE ? c[0] : c[1]);
            }
        }
        List<Span> spans = new java.util.ArrayList<>();
        for (int s = 0; s < sources; s++) {
            spans.add(from[s] <= to[s] ? new Span(from[s], to[s]) : null);
        }
        return spans;
    }

    /**
     * The gaps between chunks that cover {@code covered} (each {from, to}, in any order, overlapping or not):
     * what lies between the merged stretches, where at least {@link #MIN_GAP_NANOS} long. A chunk whose end is
     * unknown ({@code to} is {@link Long#MAX_VALUE}: it was still being written and declares no duration) is
     * taken to reach the next chunk, so neither its events nor a real gap later on are lost.
     */
    public static List<Span> gapsBetween(List<long[]> covered) {
        List<long[]> sorted = new java.util.ArrayList<>(covered);
        sorted.sort(java.util.Comparator.comparingLong(c -> c[0]));
        List<Span> gaps = new java.util.ArrayList<>();
        long end = Long.MIN_VALUE;
        for (long[] c : sorted) {
            if (end == Long.MAX_VALUE) {
                end = c[1]; // the open chunk ran on to this one
                continue;
            }
            if (end != Long.MIN_VALUE && c[0] - end >= MIN_GAP_NANOS) {
                gaps.add(new Span(end, c[0]));
            }
            end = Math.max(end, c[1]);
        }
        return gaps;
    }

    /** The gap holding {@code nanos}, or null when a recording covers it. */
    public Span gapAt(long nanos) {
        for (Span g : gaps) {
            if (g.contains(nanos)) {
                return g;
            }
        }
        return null;
    }

    public int count() {
        return names.size();
    }

    /**
     * A source's name without its start time, "pid 4711 in pod-a.jfr": for labels with little room (a chooser's
     * button, a timeline lane), where the full name would be cut before the file that tells replicas apart.
     */
    public String shortName(int source) {
        return names.get(source).replaceFirst(" \\(started [^)]*\\)", "");
    }

    /**
     * The one source all of {@code threads} belong to, or -1 for none, several, or a recording of one source: a
     * thread filter of one JVM's threads (the JVM chooser sets one) shows that JVM.
     */
    public int owner(BitSet threads) {
        if (threads == null || threads.isEmpty() || count() < 2) {
            return -1;
        }
        int source = -1;
        for (int t = threads.nextSetBit(0); t >= 0 && t < threadSource.length; t = threads.nextSetBit(t + 1)) {
            if (source >= 0 && threadSource[t] != source) {
                return -1;
            }
            source = threadSource[t];
        }
        return source;
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
