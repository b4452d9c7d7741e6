package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.LongList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDK weighs a thread's first {@code jdk.ObjectAllocationSample} of a recording with every byte the thread
 * allocated since it started, not since the recording did (JDK-8307488; measured on JDK 17.0.15 and 25.0.3, with a
 * recording started 2 s into the run: 9.4 and 9.9 GB first samples of a thread that allocated 8.5 and 9.9 GB while
 * recorded). A service recorded after an hour of work showed that hour's bytes as one allocation spike at the
 * recording's first second, a "peak of 2.1 TiB/s", and allocation totals twice the real ones. The JDK's parser and
 * async-profiler's converter show the weight as written.
 *
 * <p>Firesight takes out of each such sample what its thread had allocated when the recording began, which the
 * recording's {@code jdk.ThreadAllocationStatistics} at its start tell (the JDK writes them at every chunk's
 * start). What is left is what the thread allocated from the recording's start to the sample, which is what the
 * sample should weigh. The statistics come a few milliseconds into the recording, so the sample keeps at most what
 * the thread allocated after them, and none when it was taken before them: off by at most what the thread
 * allocated in those milliseconds, against its whole life before the recording.
 *
 * <p>Each thread's earliest sample of a chunk is held back until the chunk ends, when the chunk's JVM and its
 * statistics are known (their events can come after the sample in the file), and is then added as any other
 * sample. A JVM is a source of the profile: in a folder, the files of two JVMs recorded at once interleave, and
 * their thread references coincide.
 *
 * <p>Nothing is taken out when the thread has no statistics from the JVM's first chunk (it started later: all its
 * bytes are the recording's), or when a recording active in the JVM started over a second before that chunk (the
 * file is a later part of a longer recording, whose first samples it does not hold).
 */
final class FirstAllocationSamples {
    /** How long after a JVM's first chunk began its statistics may be timed. */
    private static final long START_NANOS = 1_000_000_000L;

    /** Adds a held sample as the scan would have, with its weight corrected. */
    interface Sink {
        void add(long timeNanos, int thread, int stack, long weight);
    }

    /** What is known of one JVM (a source of the profile) from its first chunk read on. */
    private static final class Jvm {
        final long startNanos;
        boolean laterPart;
        /** The threads (by reference, unique within a JVM) whose first sample was met. */
        final Set<Long> sampledThreads = new HashSet<>();
        /** The thread's allocated bytes when the first chunk began, by thread reference. */
        final Map<Long, Long> allocatedAtStart = new HashMap<>();

        Jvm(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final Map<Integer, Jvm> jvms = new HashMap<>();

    // The chunk read now: each thread's earliest sample in it, held until the chunk's JVM is known.
    private final LongList heldTimes = new LongList();
    private final IntList heldThreads = new IntList();
    private final IntList heldStacks = new IntList();
    private final LongList heldWeights = new LongList();
    private final LongList heldThreadRefs = new LongList();
    private final Map<Long, Integer> heldIndex = new HashMap<>();
    /**
     * Threads of the chunk sampled before the part of the recording asked for ({@code --from}): their first sample
     * was there, left out with the rest, and the first one kept is an ordinary sample. Without this, a range from
     * 10 s took 447 MiB off main's first sample after 10 s as if allocated before the recording began.
     */
    private final Set<Long> sampledBefore = new HashSet<>();

    // What was taken out, for the note.
    private final Set<String> correctedThreads = new HashSet<>();
    private long removedBytes;

    /** A chunk starts: what an unreadable chunk before it held back is dropped with it. */
    void startChunk() {
        heldTimes.clear();
        heldThreads.clear();
        heldStacks.clear();
        heldWeights.clear();
        heldThreadRefs.clear();
        heldIndex.clear();
        sampledBefore.clear();
    }

    /** A sample of the chunk's thread {@code threadRef} before the part of the recording loaded, left out. */
    void sampledBefore(long threadRef) {
        sampledBefore.add(threadRef);
    }

    /**
     * Takes a sample of the chunk, and returns true when it holds it back: the earliest of its thread's samples in
     * the chunk so far (of those at one instant, the heaviest), which may be the thread's first of the recording;
     * which JVM the chunk is of, and so whether the thread was sampled before, is known only when the chunk ends.
     * A thread's events are not always in time order in the file (those it commits while JFR starts a recording
     * came after later ones), so an earlier sample takes the held one's place, which goes to {@code released}.
     */
    boolean offer(long timeNanos, int thread, int stack, long weight, long threadRef, Sink released) {
        Integer held = heldIndex.get(threadRef);
        if (held == null) {
            heldIndex.put(threadRef, heldTimes.size());
            heldTimes.add(timeNanos);
            heldThreads.add(thread);
            heldStacks.add(stack);
            heldWeights.add(weight);
            heldThreadRefs.add(threadRef);
            return true;
        }
        int i = held;
        // of samples at the same instant, the inflated one is the heaviest
        if (timeNanos > heldTimes.get(i) || timeNanos == heldTimes.get(i) && weight <= heldWeights.get(i)) {
            return false;
        }
        released.add(heldTimes.get(i), heldThreads.get(i), heldStacks.get(i), heldWeights.get(i));
        heldTimes.set(i, timeNanos);
        heldThreads.set(i, thread);
        heldStacks.set(i, stack);
        heldWeights.set(i, weight);
        return true;
    }

    /**
     * At the chunk's end, once its JVM ({@code source}) is known and before its samples are resolved: learns the
     * JVM's start and statistics from the chunk's events when it is the JVM's first chunk read, and adds each held
     * sample to {@code sink} (null when nothing can have been held), corrected when it is its thread's first.
     */
    void endChunk(List<GenericEvent> events, ConstantPools pools, ChunkHeader header, int source, Sink sink) {
        Jvm jvm = jvms.get(source);
        if (jvm == null) {
            jvm = new Jvm(header.startNanos);
            jvms.put(source, jvm);
            learn(jvm, events, header);
        }
        jvm.sampledThreads.addAll(sampledBefore);
        for (int i = 0; i < heldTimes.size(); i++) {
            long weight = heldWeights.get(i);
            long threadRef = heldThreadRefs.get(i);
            Long before = jvm.sampledThreads.add(threadRef) && !jvm.laterPart ? jvm.allocatedAtStart.get(threadRef)
                    : null;
            if (before != null) {
                // The statistics can be taken a few milliseconds after the sample: then the sample's own bytes
                // since the start are less than that gap's, and it keeps none.
                long cut = Math.min(weight, before);
                weight -= cut;
                removedBytes += cut;
                correctedThreads.add(source + "|" + threadRef);
            }
            sink.add(heldTimes.get(i), heldThreads.get(i), heldStacks.get(i), weight);
        }
        startChunk();
    }

    /** What a JVM's first chunk says: whether a recording began before it, and each thread's bytes at its start. */
    private static void learn(Jvm jvm, List<GenericEvent> events, ChunkHeader header) {
        for (GenericEvent event : events) {
            if (event.kind() == GenericEvent.Kind.ACTIVE_RECORDING) {
                long startedMillis = event.numberValue("recordingStart");
                jvm.laterPart |= startedMillis > 0 && startedMillis * 1_000_000L < jvm.startNanos - START_NANOS;
            } else if (event.kind() == GenericEvent.Kind.THREAD_ALLOCATION_STATISTICS) {
                long time = header.toNanos(event.numberValue("startTime"));
                long allocated = event.numberValue("allocated");
                if (event.rawValue("thread") instanceof PoolRef thread && allocated > 0
                        && time <= jvm.startNanos + START_NANOS) {
                    jvm.allocatedAtStart.putIfAbsent(thread.id(), allocated);
                }
            }
        }
    }

    /** Bytes taken out of first samples. */
    long removedBytes() {
        return removedBytes;
    }

    /** Threads whose first sample was corrected. */
    int correctedThreads() {
        return correctedThreads.size();
    }
}
