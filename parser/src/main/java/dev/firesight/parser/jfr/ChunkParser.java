package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Warning;
import dev.firesight.parser.util.IdIntMap;
import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.LongList;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one chunk in a single forward pass. Sample events go straight into the sample tables with
 * chunk-local stack and thread keys; constant pools are collected as they come; at the end of the
 * chunk the local keys are resolved against the pools. A forward pass works for finished chunks, for
 * chunks cut off mid-write, and for async-profiler's layout where the pools come last.
 */
final class ChunkParser {
    private static final int CHECK_EVERY = 1 << 16;
    /**
     * Progress is reported at least every this many bytes scanned too: a chunk of large events (or few of
     * them) would otherwise report nothing until it is done.
     */
    private static final int PROGRESS_BYTES = 1 << 16;
    /**
     * The share of a chunk's reading that scanning its events stands for in the progress bar; resolving its
     * stacks afterwards (decoding the stack pool, often the slower half) moves the bar through the rest, so
     * it does not sit at the end of the scan and then jump.
     */
    private static final double SCAN_SHARE = 0.6;
    private static final int FALLBACK_CHUNKS = 16;
    /** Damaged events skipped (by their size) before the rest of the chunk is given up as garbage. */
    private static final int MAX_DAMAGED_EVENTS = 16;

    private final ChunkHeader header;
    private final ByteReader in;
    private final ProfileBuilder builder;
    private final LoadControl control;
    private final int chunkIndex;
    private final long[] slots = new long[SampleEvent.SLOTS];
    /** Each (stack, class) reference pair met, numbered in the order met: the chunk-local stack keys. */
    private final IdIntMap localStacks = new IdIntMap();
    private final LongIntMap localThreads = new LongIntMap(256);
    private final LongList threadRefs = new LongList();
    private final List<GenericEvent> genericEvents = new ArrayList<>();
    /** The handler of jdk.ObjectAllocationSample, which adds the samples {@link FirstAllocationSamples} held back. */
    private SampleHandler allocationSamples;
    /** This chunk's samples, with chunk-local stack and thread keys until {@link #resolve}. */
    private ChunkSamples samples;
    /** True once this chunk had a native allocation or free for the leak view. */
    private boolean nativeEvents;
    /** Events per type id; ids are small in practice, larger ones go to {@link #otherCounts}. */
    private final long[] counts = new long[4096];
    private final Map<Long, long[]> otherCounts = new HashMap<>();
    private Metadata metadata;
    private final Metadata neighbourMetadata;
    private ConstantPools pools;
    private Object[] handlers = new Object[0];
    private StackResolver previousResolver;
    private StackResolver resolver;
    private boolean damagedMetadata;
    /** True once any damage was reported in this chunk. */
    private boolean damaged;
    private int resyncs;
    /**
     * The constant pools read ahead of the events, for partial profiles and the stack thread; null when the pools
     * are read as the scan meets them, as without either.
     */
    private PoolsAhead poolsAhead;
    /** This chunk's stacks resolved before its end, by partial profiles or the stack thread. */
    private final EarlyStacks early = new EarlyStacks();
    /** Finds whole events again after damaged bytes. */
    private final EventResync resync;
    /** Whether this chunk's stacks may be resolved on a second thread while its events are scanned. */
    private final boolean concurrent;
    /** The thread resolving this chunk's stacks during the scan, or null when they are resolved after it. */
    private ConcurrentStacks concurrentStacks;
    /** Where the progress bar was last put while this chunk's stacks were resolved. */
    private long resolveProgressAt;

    /**
     * @param neighbourMetadata the metadata of the chunk just before this one when both belong to one
     *                          recording (the JVM keeps its type ids for the whole run), to read this
     *                          chunk's events with if its own metadata is damaged; or null
     * @param concurrent        whether the chunk's stacks may be resolved on a second thread during the scan
     *                          (see {@link ConcurrentStacks}). Only a chunk of at most a quarter of the heap is:
     *                          the thread resolves from the pools read ahead, a second copy beside those the scan
     *                          reads, and on async-profiler's one-chunk files, nine tenths pools, that made
     *                          {@code summary} of a 228 MiB file stop at -Xmx256m with the memory sentence, where
     *                          one thread read it (and on such files the thread does not pay anyway)
     */
    ChunkParser(ByteBuffer chunk, ChunkHeader header, ProfileBuilder builder, LoadControl control, int chunkIndex,
                StackResolver previousResolver, Metadata neighbourMetadata, boolean concurrent) {
        this.concurrent = concurrent && header.declaredSize <= Runtime.getRuntime().maxMemory() / 4;
        this.neighbourMetadata = neighbourMetadata;
        this.previousResolver = previousResolver;
        this.header = header;
        this.in = new ByteReader(chunk);
        this.resync = new EventResync(in, header);
        this.builder = builder;
        this.control = control;
        this.chunkIndex = chunkIndex;
    }

    /** Reads the chunk; damage after the first readable event is reported as a warning. */
    void parse() {
        metadata = findMetadata();
        if (metadata == null && neighbourMetadata != null) {
            metadata = neighbourMetadata;
            damage(Warning.Kind.DAMAGED_METADATA, -1, where() + (damagedMetadata ? "has damaged metadata" : "has no readable metadata")
                    + ", so its events were read with the metadata of chunk " + chunkIndex + ", the chunk before it"
                    + " in the same recording.");
            damagedMetadata = false;
        }
        if (metadata == null) {
            String sentence = where() + (damagedMetadata ? "has damaged metadata (the descriptions of its event"
                    + " types)," : "has no readable metadata,") + " so its events were skipped.";
            damage(Warning.Kind.DAMAGED_METADATA, -1, sentence);
            if (builder.metadataProblem == null) {
                builder.metadataProblem = sentence;
            }
            return;
        }
        if (damagedMetadata) {
            damage(Warning.Kind.DAMAGED_METADATA, header.metaOffset, where() + "has damaged metadata at the offset its header records; another copy in the"
                    + " chunk was used.");
        }
        builder.chunksWithMetadata++;
        pools = new ConstantPools(metadata);
        if ((control.makesPartials() || concurrent) && metadata != neighbourMetadata && !damaged) {
            readPoolsAhead();
        }
        samples = new ChunkSamples(builder, control);
        builder.firstAllocationSamples.startChunk();
        installHandlers();
        // async-profiler declares profiler.* types (LiveObject and Log since 2.x, WallClockSample since 4.0);
        // Datadog's profiler, a fork of it, declares some of them too, and datadog.* types of its own.
        builder.datadog |= metadata.declaresTypeStartingWith("datadog.");
        boolean profilerTypes = metadata.declaresTypeStartingWith("profiler.");
        builder.asyncProfiler |= profilerTypes;
        builder.jdkRecorder |= !profilerTypes && !metadata.declaresTypeStartingWith("datadog.");
        if (concurrent && poolsAhead != null) {
            // With the pools read ahead, stacks can be resolved as the scan meets them, on two threads of their
            // own (see ConcurrentStacks); -Dfiresight.splitStacks=false keeps them to one, to compare.
            boolean split = !"false".equals(System.getProperty("firesight.splitStacks"));
            concurrentStacks = new ConcurrentStacks(new StackResolver(in.copy(), pools, builder, previousResolver, true),
                    builder, split);
        }
        try {
            scanEvents();
            in.unbound();
            checkPoolsAhead();
            if (concurrentStacks != null) {
                takeConcurrentStacks();
            }
        } finally {
            if (concurrentStacks != null) {
                concurrentStacks.stop();
            }
        }
        resolve();
        builder.pendingBytes = 0;
        while (control.overSampleBudget(builder) && builder.canCoarsen()) {
            builder.coarsen(builder.nextWidth(control.sampleBudget()));
        }
        control.checkBudget(builder);
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                otherCounts.put((long) id, new long[] {counts[id]});
            }
        }
        for (Map.Entry<Long, long[]> e : otherCounts.entrySet()) {
            JfrType type = metadata.type(e.getKey());
            if (type != null) {
                builder.countEvent(type.name, e.getValue()[0]);
            }
        }
    }

    /** The metadata the chunk's events were read with, or null when there was none. */
    Metadata metadata() {
        return metadata;
    }

    /**
     * This chunk's resolver, for later chunks to fall back on, with a bounded chain of earlier ones so
     * memory stays bounded on files of many chunks; null when the chunk was unreadable.
     */
    StackResolver resolver() {
        return resolver == null ? null : resolver.keep(FALLBACK_CHUNKS);
    }

    /** Reports damage in this chunk; a damaged chunk's missing stacks are shown, not dropped. */
    private void damage(Warning.Kind kind, long chunkByte, String sentence) {
        damaged = true;
        builder.warn(kind, chunkIndex + 1, chunkByte < 0 ? -1 : header.fileOffset + chunkByte, sentence);
    }

    private String where() {
        return "Chunk " + (chunkIndex + 1) + " ";
    }

    /**
     * The metadata at the header's offset when the chunk was closed properly; otherwise the first
     * metadata event found by walking event sizes from the start (async-profiler writes it first,
     * and the JDK writes it with every flush).
     */
    private Metadata findMetadata() {
        if (header.validOffset(header.metaOffset)) {
            try {
                return Metadata.read(in, (int) header.metaOffset);
            } catch (CorruptDataException | IndexOutOfBoundsException e) {
                damagedMetadata = true;
            }
        }
        int pos = ChunkHeader.SIZE;
        int limit = in.limit();
        while (pos < limit) {
            try {
                in.pos = pos;
                int size = in.varint();
                long type = in.varlong();
                if (size <= 0 || size > limit - pos) {
                    if (++resyncs > MAX_DAMAGED_EVENTS || (pos = resync.find(pos + 1, limit, null)) < 0) {
                        return null;
                    }
                    continue;
                }
                if (type == 0 && (!damagedMetadata || pos != header.metaOffset)) {
                    try {
                        return Metadata.read(in, pos);
                    } catch (CorruptDataException | IndexOutOfBoundsException e) {
                        damagedMetadata = true; // look on: the JDK may have written another copy later
                    }
                }
                pos += size;
            } catch (CorruptDataException | IndexOutOfBoundsException e) {
                return null;
            }
        }
        return null;
    }

    private void installHandlers() {
        long maxId = 1;
        Map<Long, Object> byId = new HashMap<>();
        for (SampleEvent kind : SampleEvent.values()) {
            JfrType type = metadata.type(kind.typeName);
            FieldReader reader = type == null ? null : kind.reader(type);
            if (reader != null && java.util.Arrays.stream(kind.views).anyMatch(control::wants)) {
                SampleHandler handler = new SampleHandler(kind, reader);
                byId.put(type.id, handler);
                if (kind == SampleEvent.ALLOCATION_SAMPLE) {
                    allocationSamples = handler;
                }
            }
        }
        JfrType free = metadata.type("profiler.Free");
        if (free != null && control.wants(ViewKind.NATIVE_LEAK) && FieldReader.has(free, "startTime")
                && FieldReader.has(free, "address")) {
            byId.put(free.id, new FreeHandler(new FieldReader(free, "startTime", "address")));
        }
        for (GenericEvent.Kind kind : GenericEvent.Kind.values()) {
            JfrType type = metadata.type(kind.typeName);
            if (type != null) {
                byId.put(type.id, kind);
            }
        }
        for (Long id : byId.keySet()) {
            maxId = Math.max(maxId, id);
        }
        if (maxId > 1 << 20) {
            throw new CorruptDataException("event type id too large");
        }
        handlers = new Object[(int) maxId + 1];
        byId.forEach((id, handler) -> {
            if (id >= 0) {
                handlers[id.intValue()] = handler;
            }
        });
    }

    private void scanEvents() {
        int pos = ChunkHeader.SIZE;
        int limit = in.limit();
        int events = 0;
        int damaged = 0;
        int reportedAt = 0;
        while (pos < limit) {
            if (++events % CHECK_EVERY == 0 || pos - reportedAt >= PROGRESS_BYTES) {
                reportedAt = pos;
                control.checkCancelled();
                if (samples.bucketed()) {
                    builder.pendingBytes = samples.pendingBytes();
                }
                if (control.overSampleBudget(builder) && builder.canCoarsen()) {
                    samples.coarsen();
                }
                control.checkBudget(builder);
                // With pools read ahead, bytes read are those and the events' bytes the scan has passed.
                long read = poolsAhead == null ? pos : poolsAhead.bytesRead(pos);
                control.progress(header.fileOffset + (long) (read * SCAN_SHARE));
                if (control.partialWanted()) {
                    control.partial(partial());
                }
            }
            int size;
            long type;
            try {
                in.pos = pos;
                size = in.varint();
                type = in.varlong();
            } catch (IndexOutOfBoundsException e) {
                damage(Warning.Kind.CUT_OFF, pos, where() + "is cut off; events after byte " + pos + " of it are missing.");
                return;
            }
            if (size <= 0 || size > limit - pos) {
                int resumed = ++damaged > MAX_DAMAGED_EVENTS ? -1 : resync.find(pos + 1, limit, metadata);
                if (resumed < 0) {
                    damage(header.complete ? Warning.Kind.DAMAGED_EVENTS : Warning.Kind.CUT_OFF, header.complete ? pos : limit,
                            where() + (header.complete ? "has a damaged event at byte " + pos
                            : "is cut off at byte " + limit) + "; the events before it were kept.");
                    return;
                }
                damage(Warning.Kind.DAMAGED_EVENTS, pos, where() + "has damaged bytes at byte " + pos + "; reading resumed at byte " + resumed
                        + ", where whole events follow again, so the events in between were lost.");
                pos = resumed;
                continue;
            }
            int end = pos + size;
            try {
                in.bound(end);
                dispatch(type, pos, end);
            } catch (CorruptDataException | IndexOutOfBoundsException | NegativeArraySizeException e) {
                // The event's size was plausible, so the next event starts after it: skip just this one.
                if (++damaged > MAX_DAMAGED_EVENTS) {
                    damage(Warning.Kind.DAMAGED_EVENTS, pos, where() + "has more than " + MAX_DAMAGED_EVENTS + " damaged events; the rest of it"
                            + " after byte " + pos + " was skipped.");
                    return;
                }
                damage(type == 1 ? Warning.Kind.DAMAGED_CONSTANT_POOL : Warning.Kind.DAMAGED_EVENTS, pos,
                        where() + "has a damaged " + typeName(type) + " at byte " + pos
                        + "; it was skipped and reading went on after it.");
            }
            in.unbound();
            pos = end;
        }
        in.unbound();
        if (!header.complete && header.declaredSize != 0 && header.declaredSize > limit) {
            // The file ends on an event boundary, but the chunk says it goes on: say it is cut off.
            damage(Warning.Kind.CUT_OFF, limit, where() + "is cut off at byte " + limit + "; the events before it were kept.");
        }
    }

    private void dispatch(long type, int pos, int end) {
        if (type == 1) {
            if (poolsAhead != null) {
                if (poolsAhead.met(pos, end)) {
                    return; // read already
                }
                if (concurrentStacks != null) {
                    // The stack thread reads the pools: this one is read aside, for its damage to be said as
                    // without it; checkPoolsAhead then finds the pools were not what was read ahead.
                    new ConstantPools(metadata).read(in, end);
                    return;
                }
            }
            pools.read(in, end);
            return;
        }
        if (type == 0) {
            return;
        }
        if (type >= 0 && type < counts.length) {
            counts[(int) type]++;
        } else {
            otherCounts.computeIfAbsent(type, k -> new long[1])[0]++;
        }
        Object handler = type >= 0 && type < handlers.length ? handlers[(int) type] : null;
        if (handler instanceof SampleHandler) {
            ((SampleHandler) handler).read(end);
        } else if (handler instanceof FreeHandler) {
            ((FreeHandler) handler).read(end);
        } else if (handler instanceof GenericEvent.Kind) {
            GenericEvent.Kind kind = (GenericEvent.Kind) handler;
            JfrType jfrType = metadata.type(type);
            genericEvents.add(new GenericEvent(kind, jfrType, Values.decodeFields(in, jfrType, 0)));
            if (in.pos > end) {
                throw new CorruptDataException("event runs past its size");
            }
        }
    }

    private String typeName(long type) {
        JfrType t = metadata.type(type);
        return type == 1 ? "constant pool" : t == null ? "event" : t.name + " event";
    }

    /** Decodes one sample event into the tables, with chunk-local stack and thread keys. */
    private final class SampleHandler {
        private final SampleEvent kind;
        private final FieldReader reader;
        private final ViewKind[] views;
        private final SampleRows[] tables;
        private final double nanosPerTick = header.nanosPerTick();
        private final boolean trackLeaks;
        private final boolean feedsCpu;
        /** Adds a first allocation sample that {@link FirstAllocationSamples} held back and let go. */
        private final FirstAllocationSamples.Sink released = (time, thread, stack, weight) -> add(time, thread, stack, 0,
                weight);

        SampleHandler(SampleEvent kind, FieldReader reader) {
            this.kind = kind;
            this.reader = reader;
            // alloc-count is a view of the alloc table (see ProfileBuilder#build): one table feeds both.
            // Execution samples all go to the CPU table first; resolve() moves the wall-clock ones out.
            // A native allocation feeds the leak view only through NativeLeaks, at the end of the recording.
            this.views = kind == SampleEvent.EXECUTION ? new ViewKind[] {ViewKind.CPU}
                    : java.util.Arrays.stream(kind.views).filter(control::wants).filter(v -> v != ViewKind.NATIVE_LEAK)
                    .map(v -> v == ViewKind.ALLOC_COUNT ? ViewKind.ALLOC : v).distinct().toArray(ViewKind[]::new);
            this.trackLeaks = kind == SampleEvent.MALLOC && control.wants(ViewKind.NATIVE_LEAK);
            this.feedsCpu = java.util.Arrays.asList(views).contains(ViewKind.CPU);
            this.tables = new SampleRows[views.length];
            for (int i = 0; i < tables.length; i++) {
                tables[i] = builder.table(views[i]);
            }
        }

        void read(int end) {
            long[] s = slots;
            s[SampleEvent.CLASS] = 0;
            s[SampleEvent.WEIGHT] = 1;
            s[SampleEvent.STATE] = 0;
            reader.read(in, s);
            if (in.pos > end) {
                throw new CorruptDataException("event runs past its size");
            }
            long weight = kind.weightField == null ? 1
                    : kind.weightIsDuration() ? (long) (s[SampleEvent.WEIGHT] * nanosPerTick) : s[SampleEvent.WEIGHT];
            long time = header.toNanos(s[SampleEvent.TIME]);
            if (time < builder.sampleFrom || time > builder.sampleTo) {
                if (kind == SampleEvent.ALLOCATION_SAMPLE && time < builder.sampleFrom) {
                    builder.firstAllocationSamples.sampledBefore(s[SampleEvent.THREAD]);
                }
                return; // outside the part of the recording asked for: its stack is not even resolved
            }
            int stack = localStack(s[SampleEvent.STACK], s[SampleEvent.CLASS]);
            int thread = localThread(s[SampleEvent.THREAD]);
            if (kind == SampleEvent.ALLOCATION_SAMPLE && builder.firstAllocationSamples.offer(time, thread, stack, weight,
                    s[SampleEvent.THREAD], released)) {
                return;
            }
            add(time, thread, stack, (int) s[SampleEvent.STATE], weight);
            if (trackLeaks) {
                builder.nativeLeaks.malloc(s[SampleEvent.TIME], time, s[SampleEvent.ADDRESS], weight, stack, thread);
                nativeEvents = true;
            }
        }

        /** Adds a sample with chunk-local keys to the tables, or to the buckets once the profile keeps buckets. */
        void add(long time, int thread, int stack, int state, long weight) {
            boolean execution = kind == SampleEvent.EXECUTION;
            if (samples.bucketed()) {
                samples.addToBuckets(views, builder.toUnits(time), thread, stack,
                        execution ? state : ChunkBuckets.NO_STATE, weight, !execution && feedsCpu);
            } else {
                for (int i = 0; i < tables.length; i++) {
                    tables[i].add(time, thread, stack, weight);
                }
                if (execution) {
                    samples.executionState(state);
                }
            }
        }
    }

    /** Reads a native free ({@code profiler.Free}) for the leak view: its time and address. */
    private final class FreeHandler {
        private final FieldReader reader;

        FreeHandler(FieldReader reader) {
            this.reader = reader;
        }

        void read(int end) {
            long[] s = slots;
            reader.read(in, s);
            if (in.pos > end) {
                throw new CorruptDataException("event runs past its size");
            }
            long time = header.toNanos(s[0]);
            if (time >= builder.sampleFrom && time <= builder.sampleTo) {
                builder.nativeLeaks.free(s[0], s[1]);
                nativeEvents = true;
            }
        }
    }

    private int localStack(long stackRef, long classRef) {
        int key = localStacks.get(stackRef, classRef);
        if (key == IdIntMap.MISSING) {
            key = localStacks.size();
            localStacks.put(stackRef, classRef, key);
            if (concurrentStacks != null) {
                concurrentStacks.add(stackRef, classRef);
            }
        }
        return key;
    }

    private int localThread(long threadRef) {
        int key = localThreads.get(threadRef);
        if (key == LongIntMap.MISSING) {
            key = threadRefs.size();
            threadRefs.add(threadRef);
            localThreads.put(threadRef, key);
        }
        return key;
    }

    /**
     * Moves the progress bar through the chunk's resolving, {@code share} of the way, never back (the wait for
     * the stack thread may have moved it further than resolve() counts the stacks taken from it) and never in
     * a jump.
     */
    private void resolveProgress(double share) {
        long from = header.fileOffset + (long) (in.limit() * SCAN_SHARE);
        long at = from + (long) (in.limit() * (1 - SCAN_SHARE) * share);
        long step = Math.max(1, (long) (in.limit() * (1 - SCAN_SHARE) / 16));
        // In even steps however much the stack thread did between two looks: what it did is done.
        for (long next = Math.max(resolveProgressAt, from) + step; next < at; next += step) {
            control.progress(next);
            resolveProgressAt = next;
        }
        if (at > resolveProgressAt) {
            resolveProgressAt = at;
            control.progress(at);
        }
    }

    /**
     * Waits for the stack thread and takes its answers as resolve() takes those of partial profiles: the
     * stacks up to the first one the pools lack, with its resolver when the chunk is intact (in a damaged one
     * resolve() goes on with a resolver that shows missing stacks, as a sequential read does).
     */
    private void takeConcurrentStacks() {
        int handedOver = Math.max(1, concurrentStacks.handedOver());
        concurrentStacks.finish(() -> {
            control.checkCancelled();
            control.checkBudget(builder);
        }, done -> resolveProgress((double) done / handedOver));
        boolean intact = header.finished() && !damaged;
        early.takeOver(concurrentStacks.stacks(), concurrentStacks.truncated(), intact ? concurrentStacks.resolver()
                : new StackResolver(in, pools, builder, previousResolver, false));
    }

    /**
     * Gives the chunk's stack and thread keys their global ids, puts its samples in the tables with them
     * ({@link ChunkSamples#resolve}), and applies its other events.
     */
    private void resolve() {
        // In an intact chunk a stack id missing from the pools is how the producer records "no stack"
        // (async-profiler 2.x does so for allocations in live mode): the converter and the JDK drop
        // those samples. Only in a damaged or unfinished chunk is it a stack that was lost.
        boolean intact = header.finished() && !damaged;
        if (!intact && concurrentStacks == null) {
            early.forget(builder); // partial profiles took the chunk for intact; it is not
        }
        resolver = early.resolver() != null ? early.resolver()
                : new StackResolver(in, pools, builder, previousResolver, intact);
        int count = localStacks.size();
        IntList stacks = new IntList(count);
        java.util.BitSet truncated = new java.util.BitSet();
        int progressStep = Math.max(1, count / 16); // the bar's last part in even steps
        LocalStackKeys refs = new LocalStackKeys(localStacks);
        for (int k = 0; k < count; k++) {
            if ((k & 0xFFF) == 0xFFF) {
                control.checkBudget(builder); // a chunk's stacks can be most of what it holds
            }
            if (k % progressStep == progressStep - 1) {
                control.checkCancelled();
                resolveProgress((double) k / count);
            }
            if (k < early.size()) {
                stacks.add(early.stack(k));
                truncated.set(k, early.truncated(k));
                continue;
            }
            stacks.add(resolver.stack(refs.stackRef(k), refs.classRef(k)));
            truncated.set(k, resolver.lastTruncated);
        }
        enterSource();
        IntList threads = new IntList(threadRefs.size());
        for (int k = 0; k < threadRefs.size(); k++) {
            threads.add(resolver.thread(threadRefs.get(k)));
        }
        if (nativeEvents) {
            builder.nativeLeaks.endChunk(stacks, threads);
        }
        // without a handler of allocation samples nothing was held, and nothing is added
        builder.firstAllocationSamples.endChunk(genericEvents, pools, header, builder.currentSource(),
                allocationSamples == null ? null : allocationSamples.released);
        ExecutionStates states = ExecutionStates.of(pools, mainEvent());
        samples.resolve(stacks, truncated, threads, states);
        if (resolver.unresolvedStacks > 0) {
            builder.warn(Warning.Kind.UNRESOLVED_STACKS, chunkIndex + 1, -1, where() + "refers to " + dev.firesight.parser.Wording.count(resolver.unresolvedStacks) + " stack traces that its"
                    + " constant pools do not contain" + (header.finished() ? "" : " (it was cut off before they"
                    + " were written)") + "; their samples are shown as [unresolved stack].");
        }
        OldObjects oldObjects = null;
        for (GenericEvent event : genericEvents) {
            if (event.kind() == GenericEvent.Kind.OLD_OBJECT_SAMPLE) {
                oldObjects = oldObjects != null ? oldObjects : new OldObjects(pools);
                Object stackRef = event.rawValue("stackTrace");
                int stack = stackRef instanceof PoolRef
                        ? resolver.stack(((PoolRef) stackRef).id(), oldObjects.classRef(event)) : -1;
                builder.oldObject(oldObjects.sample(event, stack, header, builder.currentSource()));
            } else {
                event.apply(builder, pools, header);
            }
        }
    }

    /**
     * Reads the chunk's constant pools before its events (see {@link PoolsAhead}). When the chain is not whole
     * or is damaged, the pools are left to the scan, as without partial profiles, which says what is damaged.
     */
    private void readPoolsAhead() {
        try {
            poolsAhead = PoolsAhead.read(in, header, pools, bytes -> {
                control.checkCancelled();
                control.progress(header.fileOffset + (long) (bytes * SCAN_SHARE));
            });
        } catch (CorruptDataException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            poolsAhead = null;
        }
        if (poolsAhead == null) {
            pools = new ConstantPools(metadata); // nothing read ahead may stay: the scan reads them in its order
        }
    }

    /**
     * After the scan: when it did not meet exactly the pool events read ahead (damage moved it past one, or it
     * met one the chain lacks), the pools are read again from the events it met, in its order, so they are
     * what a load without partial profiles has.
     */
    private void checkPoolsAhead() {
        if (poolsAhead == null || poolsAhead.exact()) {
            return;
        }
        if (concurrentStacks != null) {
            // Stacks were resolved with pools the scan did not meet as read ahead (damage): their ids cannot be
            // taken back, so the load starts again, one thread, and reads the chunk as it always did.
            throw new ConcurrentStacks.Mismatch(chunkIndex);
        }
        pools = new ConstantPools(metadata);
        poolsAhead.readScanned(in, pools);
        early.forget(builder);
    }

    /**
     * A partial profile of what has been read: the chunks before this one, and this chunk's samples so far
     * whose stacks its pools (read ahead) resolve. Samples whose view is not settled yet are left out: an
     * execution sample of an async-profiler recording without a CPU state may turn out a wall-clock sample.
     */
    private dev.firesight.parser.Profile partial() {
        EnumMap<ViewKind, SampleRows> rows = builder.resolvedRows(samples.firstSample());
        List<String> threadNames = new ArrayList<>();
        IntList known = early.stacks();
        StackResolver names = early.resolver();
        if (concurrentStacks != null) {
            // The stack thread resolves the keys met so far and then waits, so the profile's stacks stand
            // still while the partial profile copies them.
            known = concurrentStacks.caughtUp(() -> {
                control.checkCancelled();
                control.checkBudget(builder);
            });
            names = concurrentStacks.resolver();
        }
        if (poolsAhead != null && !samples.bucketed()) {
            if (concurrentStacks == null) {
                early.resolve(localStacks, builder, () -> new StackResolver(in, pools, builder, previousResolver, true),
                        () -> {
                            control.checkCancelled();
                            control.checkBudget(builder);
                        });
                names = early.resolver();
            }
            for (int k = 0; k < threadRefs.size(); k++) {
                threadNames.add(names.threadName(threadRefs.get(k)));
            }
            ExecutionStates states = ExecutionStates.of(pools, builder.mainEvent);
            samples.addPartialRows(rows, builder.threadCount(), known, states,
                    states.byState() || !builder.asyncProfiler && !builder.datadog);
        }
        long readUntil = header.durationNanos > 0 ? header.startNanos + header.durationNanos : header.startNanos;
        return builder.partial(rows, threadNames, readUntil);
    }

    /** Makes the JVM this chunk's jdk.JVMInformation names (process id and start time) the current source. */
    private void enterSource() {
        for (GenericEvent event : genericEvents) {
            if (event.kind() == GenericEvent.Kind.JVM_INFORMATION && event.numberValue("pid") > 0) {
                long pid = event.numberValue("pid");
                long started = event.numberValue("jvmStartTime");
                builder.source("jvm:" + pid + "@" + started, "pid " + pid + (started > 0 ? " (started "
                        + java.time.Instant.ofEpochMilli(started).toString().replaceFirst("\\.\\d+Z$", "Z") + ")" : ""));
                return;
            }
        }
    }

    /**
     * async-profiler's main event from this chunk's settings, else from an earlier chunk of the file
     * (2.x writes its settings once, into the first chunk); null when the recording has no such setting.
     */
    private String mainEvent() {
        for (GenericEvent event : genericEvents) {
            String value = event.setting(pools, ExecutionStates.MAIN_EVENT_SETTING);
            if (value != null) {
                builder.mainEvent = value;
            }
            String version = event.setting(pools, "version");
            if (version != null && builder.producerVersion == null) {
                builder.producerVersion = version;
            }
        }
        return builder.mainEvent;
    }
}
