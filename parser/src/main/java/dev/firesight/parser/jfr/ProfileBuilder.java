package dev.firesight.parser.jfr;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.OldObjectSample;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.Sources;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Warning;
import dev.firesight.parser.Wording;
import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.PrefixInterner;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.StringInterner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Accumulates what the chunks yield into profile-wide interned names, frames, stacks and threads, and
 * the sample tables, then freezes it all into a {@link Profile}.
 */
final class ProfileBuilder {
    private final long originNanos;
    private final long timeUnitNanos;
    private final StringInterner names = new StringInterner();
    private final LongIntMap frameIds = new LongIntMap(4096);
    private final IntList frameNames = new IntList(4096);
    private final IntList frameKinds = new IntList(4096);
    private final IntList frameLines = new IntList(4096);
    private final IntList frameDetails = new IntList(4096);
    private final PrefixInterner stacks = new PrefixInterner();
    private final Map<String, Integer> threadIds = new HashMap<>();
    private final List<String> threadNames = new ArrayList<>();
    private final IntList threadSources = new IntList();
    private final List<String> sourceKeys = new ArrayList<>();
    private final List<String> sourceNames = new ArrayList<>();
    /** The files each source was read from, when a load reads several: a JVM's pid alone does not say which. */
    private final List<java.util.Set<String>> sourceFiles = new ArrayList<>();
    private int source = -1;
    private String[] pendingSource = {"recording", "this JVM"};
    private final EnumMap<ViewKind, SampleRows> tables = new EnumMap<>(ViewKind.class);
    /** Each source's readings by kind: a JVM's levels mean nothing beside another's (see {@link JvmSeries}). */
    private final List<Map<TimeSeries.Kind, TreeMap<Long, Double>>> points = new ArrayList<>();
    private final Map<String, Long> eventCounts = new TreeMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    final Map<String, String> jvm = new HashMap<>();
    final List<Map.Entry<String, String>> systemProperties = new ArrayList<>();
    final List<Map.Entry<String, String>> environment = new ArrayList<>();
    boolean asyncProfiler;
    boolean datadog;
    /** The profiler's own version as its settings give it (async-profiler writes one), or null. */
    String producerVersion;
    /** True once a chunk declared no profiler's own event types: the JDK's Flight Recorder wrote it. */
    boolean jdkRecorder;
    long startNanos = Long.MAX_VALUE;
    long endNanos = Long.MIN_VALUE;
    int chunks;
    /** Chunks whose metadata could be read, so their events could be decoded. */
    int chunksWithMetadata;
    /** The first chunk's sentence saying why its metadata could not be read, or null. */
    String metadataProblem;
    /** Samples outside [sampleFrom, sampleTo] (epoch nanoseconds) are not kept. */
    long sampleFrom = Long.MIN_VALUE;
    long sampleTo = Long.MAX_VALUE;
    /** The views the profile shows; the tables may hold one more (alloc, which alloc-count counts). */
    java.util.Set<ViewKind> wanted = java.util.EnumSet.allOf(ViewKind.class);
    /** Stacks keep at most this many frames nearest the leaf; 0 keeps all. */
    int maxStackDepth;
    /** Stacks that were longer than {@link #maxStackDepth}. */
    long cutStacks;
    /** Per view, the samples whose stack the recorder cut at its stack depth (shown under "[truncated]"). */
    final java.util.Map<ViewKind, long[]> truncatedSamples = new java.util.EnumMap<>(ViewKind.class);
    /** async-profiler's main event ({@code cpu}, {@code wall}, ...) as its settings name it, or null. */
    String mainEvent;
    /** Native allocations not yet freed, for the leak view. */
    final NativeLeaks nativeLeaks = new NativeLeaks();
    final FirstAllocationSamples firstAllocationSamples = new FirstAllocationSamples();
    /** The sources whose chunks had TLAB allocation events, and those whose had allocation samples. */
    private final java.util.BitSet tlabSources = new java.util.BitSet();
    private final java.util.BitSet allocationSampleSources = new java.util.BitSet();
    /** What the heap readings of each source can be taken for (see {@link HeapReadings}). */
    final HeapReadings heapReadings = new HeapReadings();
    private final EnumMap<ViewKind, Long> eventsWithoutStack = new EnumMap<>(ViewKind.class);

    ProfileBuilder(long originNanos, long timeUnitNanos) {
        this.originNanos = originNanos;
        this.timeUnitNanos = timeUnitNanos;
    }

    int name(String s) {
        return names.intern(s);
    }

    int frame(int nameId, FrameKind kind, int line, int detail) {
        long k1 = ((long) nameId << 8) | kind.ordinal();
        long k2 = ((long) line << 32) | (detail & 0xFFFFFFFFL);
        int id = frameIds.get(k1, k2);
        if (id == LongIntMap.MISSING) {
            id = frameNames.size();
            frameNames.add(nameId);
            frameKinds.add(kind.ordinal());
            frameLines.add(line);
            frameDetails.add(detail);
            frameIds.put(k1, k2, id);
        }
        return id;
    }

    /** The stack of {@code frames[from .. from + length)}, root first. */
    int stack(int[] frames, int from, int length) {
        return stacks.intern(frames, from, length);
    }

    /** The current source, registering the fallback one when the chunk did not name its JVM. */
    int currentSource() {
        if (source < 0) {
            source(pendingSource[0], pendingSource[1]);
        }
        return source;
    }

    /** A thread of the current source: the same key in another JVM is another thread. */
    int thread(String key, String name) {
        int source = currentSource();
        String sourced = source + "|" + key;
        Integer id = threadIds.get(sourced);
        if (id == null) {
            id = threadNames.size();
            threadIds.put(sourced, id);
            threadNames.add(name);
            threadSources.add(source);
        }
        return id;
    }

    /**
     * Makes the JVM of this key the current source: the threads resolved from now on are its threads.
     * A JVM is its process id and start time; without them, a file (or a recording within it) stands in.
     */
    void source(String key, String label) {
        int index = sourceKeys.indexOf(key);
        if (index < 0) {
            index = sourceKeys.size();
            sourceKeys.add(key);
            sourceNames.add(label);
            sourceFiles.add(new java.util.LinkedHashSet<>());
        }
        source = index;
        if (severalFiles && warnFile != null) {
            sourceFiles.get(index).add(warnFile);
        }
    }

    /**
     * The source to use when the next chunk does not name its JVM (no jdk.JVMInformation): registered only
     * when a thread needs it, so a file whose chunks do name their JVM adds no empty source.
     */
    /**
     * The span of each chunk read, {start, end, source}: the time the recording covers, gaps between files aside,
     * and each JVM's own (its source, -1 for a chunk whose JVM is not known).
     */
    private final List<long[]> covered = new ArrayList<>();

    void covered(long fromNanos, long toNanos) {
        covered.add(new long[] {fromNanos, toNanos, source});
    }

    void fallbackSource(String key, String label) {
        pendingSource = new String[] {key, label};
        source = -1;
    }


    SampleRows table(ViewKind view) {
        return tables.computeIfAbsent(view, v -> {
            SampleRows rows = SampleRows.forView(v, originNanos, timeUnitNanos);
            if (bucketUnits > 0) {
                rows.rebucket(bucketUnits); // every table of a profile is on one bucket width
            }
            return rows;
        });
    }

    /** The recording's span in time units from its chunk headers, or 0 when not known. */
    long spanUnits;
    /** The width of the sample tables' buckets in time units; 0 while every sample has a row of its own. */
    int bucketUnits;
    /** Heap bytes a chunk holds in samples not yet in the tables (its buckets), for the budgets. */
    long pendingBytes;
    /** Buckets never get wider than this many time units: one bucket would then hold the whole int range. */
    private static final int WIDEST = 1 << 30;
    /** When first bucketing, aim for about this many buckets over the recording's span. */
    private static final int FIRST_BUCKETS = 1 << 16;

    /**
     * Coarsening aims the samples at this share of their budget, not just under it: each coarsening is a pass
     * over every row, so leaving room for the samples still to come saves the passes that would follow soon.
     */
    private static final double HEADROOM = 0.8;
    /** At most this many doublings in one pass: rows shrink faster at wider buckets than a narrow pass shows. */
    private static final int MOST_DOUBLINGS = 5;
    /** Rows left per row by one doubling of the width, as the last pass measured; a halving until one has. */
    private double shrinkPerDoubling = 0.5;

    /** True when buckets can still get wider. */
    boolean canCoarsen() {
        return bucketUnits < WIDEST;
    }

    /**
     * Makes the sample tables' buckets {@code width} time units wide (a power of two wider than now; the first
     * time: turns their samples into buckets), summing the rows that then share a bucket, thread and stack.
     * Every table is on the same width.
     */
    void coarsen(int width) {
        long before = rowCount();
        for (SampleRows rows : tables.values()) {
            rows.rebucket(width);
        }
        if (bucketUnits > 0 && before > 0) {
            int doublings = Integer.numberOfTrailingZeros(width / bucketUnits);
            shrinkPerDoubling = Math.pow((double) rowCount() / before, 1.0 / doublings);
        }
        bucketUnits = width;
    }

    /**
     * The bucket width to coarsen to, given the samples' budget in bytes. The first time, one from the span
     * (the rows then change form, so nothing measured yet says how they will shrink); after that, as many
     * doublings in one pass as the last pass's shrink says bring the samples held down to {@link #HEADROOM}
     * of the budget.
     */
    int nextWidth(long sampleBudget) {
        if (bucketUnits == 0) {
            return firstWidth();
        }
        double held = sampleUsedBytes() + pendingBytes;
        double shrink = Math.min(shrinkPerDoubling, 0.97); // a pass that merged nothing still moves on
        int doublings = 1;
        while (doublings < MOST_DOUBLINGS && held * Math.pow(shrink, doublings) > sampleBudget * HEADROOM) {
            doublings++;
        }
        return (int) Math.min(WIDEST, (long) bucketUnits << doublings);
    }

    private long rowCount() {
        long n = 0;
        for (SampleRows t : tables.values()) {
            n += t.size();
        }
        return n;
    }

    /** A power of two of time units (at least a millisecond) giving about {@link #FIRST_BUCKETS} over the span. */
    private int firstWidth() {
        long width = Math.max(spanUnits / FIRST_BUCKETS, 1_000_000 / timeUnitNanos);
        return (int) Math.min(WIDEST, Long.highestOneBit(Math.max(1, width - 1)) << 1);
    }

    /** An absolute time in the sample tables' units, clamped to int range. */
    int toUnits(long nanos) {
        long units = Math.floorDiv(nanos - originNanos, timeUnitNanos);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, units));
    }

    /** Heap bytes the sample tables' rows take, as the sample budget weighs them (see {@link SampleRows#usedBytes}). */
    long sampleUsedBytes() {
        long n = 0;
        for (SampleRows t : tables.values()) {
            n += t.usedBytes();
        }
        return n;
    }

    /** Heap bytes the sample tables hold. */
    long sampleBytes() {
        long n = 0;
        for (SampleRows t : tables.values()) {
            n += t.bytes();
        }
        return n;
    }

    /** Views that received at least one sample so far, with their current sizes. */
    EnumMap<ViewKind, Integer> tableSizes() {
        EnumMap<ViewKind, Integer> sizes = new EnumMap<>(ViewKind.class);
        tables.forEach((view, table) -> sizes.put(view, table.size()));
        return sizes;
    }

    /** A level (a size, a count) at a moment: a second reading at the same moment replaces the first. */
    void level(TimeSeries.Kind kind, long timeNanos, double value) {
        readings(kind).put(timeNanos, value);
    }

    /** An amount at a moment (a pause): amounts at the same moment add up. */
    void point(TimeSeries.Kind kind, long timeNanos, double value) {
        readings(kind).merge(timeNanos, value, Double::sum);
    }

    /** The current source's readings of a kind, by time. */
    private TreeMap<Long, Double> readings(TimeSeries.Kind kind) {
        int s = currentSource();
        while (points.size() <= s) {
            points.add(new EnumMap<>(TimeSeries.Kind.class));
        }
        return points.get(s).computeIfAbsent(kind, k -> new TreeMap<>());
    }

    void countEvent(String type, long count) {
        eventCounts.merge(type, count, Long::sum);
        switch (type) {
            case "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB" -> tlabSources.set(currentSource());
            case "jdk.ObjectAllocationSample" -> allocationSampleSources.set(currentSource());
            default -> {
            }
        }
    }

    /** True while a folder's files are read into this one profile. */
    boolean severalFiles;
    /** Chunks of a folder's files that an earlier file held too, and were read once. */
    int repeatedChunks;

    /** The file each warning is about while a folder of files is read, else null. */
    String warnFile;

    /** Records a warning about the file being read; the same one twice is kept once, and at most 100. */
    void warn(Warning.Kind kind, int chunk, long offset, String sentence) {
        Warning warning = new Warning(kind, warnFile, chunk, offset, sentence);
        if (!warnings.contains(warning) && warnings.size() < 100) {
            warnings.add(warning);
        }
    }

    /** Live bytes per class after collections, by class name. */
    private final List<Map<String, TreeMap<Long, Double>>> classLiveBytes = new ArrayList<>();

    void classLiveBytes(String className, long timeNanos, long bytes) {
        int s = currentSource();
        while (classLiveBytes.size() <= s) {
            classLiveBytes.add(new HashMap<>());
        }
        classLiveBytes.get(s).computeIfAbsent(className, k -> new TreeMap<>()).put(timeNanos, (double) bytes);
    }

    /** Old-object samples kept at most: JFR keeps 256 per recording, so more means many recordings in one. */
    static final int MAX_OLD_OBJECTS = 100_000;
    private final List<OldObjectSample> oldObjects = new ArrayList<>();

    void oldObject(OldObjectSample sample) {
        if (oldObjects.size() < MAX_OLD_OBJECTS) {
            oldObjects.add(sample);
        }
    }

    /** Counts events of a view that carry no stack trace, so no view shows them. */
    void sampleWithoutStack(ViewKind view, long count) {
        eventsWithoutStack.merge(view, count, Long::sum);
    }

    /** Approximate heap bytes held so far by the sample tables and the stack pool, the bulk of a profile. */
    long retainedBytes() {
        return stacks.bytes() + sampleBytes() + pendingBytes;
    }

    /** A caveat about how to read the profile (not damage): shown beside it, not as a warning. */
    void note(String sentence) {
        notes.add(sentence);
    }

    /** The first warning so far, or null. */
    String firstWarning() {
        return warnings.isEmpty() ? null : warnings.get(0).text();
    }

    Profile build(Path path, long fileSize) {
        // Only a JVM that wrote both counts its allocations twice: in a folder, one JVM's TLAB events and
        // another's samples are each that JVM's allocations once.
        java.util.BitSet both = (java.util.BitSet) tlabSources.clone();
        both.and(allocationSampleSources);
        if (!both.isEmpty()) {
            int jvms = Math.max(1, sourceNames.size());
            notes.add((jvms > 1 ? both.cardinality() + " of the " + jvms + " JVMs' recordings have" : "The recording has")
                    + " both TLAB allocation events and allocation samples; as in async-profiler's converter the"
                    + " alloc view adds them up, so byte totals count most of " + (jvms > 1 ? "their" : "its")
                    + " allocations twice.");
        }
        String heapNote = heapReadings.apply(points);
        if (heapNote != null) {
            notes.add(heapNote);
        }
        if (firstAllocationSamples.removedBytes() > 0) {
            int threads = firstAllocationSamples.correctedThreads();
            notes.add("Left out " + Wording.bytes(firstAllocationSamples.removedBytes()) + " that "
                    + Wording.count(threads) + (threads == 1 ? " thread" : " threads") + " allocated before the"
                    + " recording began: the JDK weighs a thread's first allocation sample with all it allocated"
                    + " since it started (JDK-8307488), which the JDK's parser and async-profiler's converter count at"
                    + " the recording's start.");
        }
        if (wanted.contains(ViewKind.NATIVE_LEAK) && !nativeLeaks.isEmpty()) {
            long stackless = nativeLeaks.addTo(table(ViewKind.NATIVE_LEAK));
            if (stackless > 0) {
                eventsWithoutStack.merge(ViewKind.NATIVE_LEAK, stackless, Long::sum);
            }
        }
        eventsWithoutStack.keySet().retainAll(wanted);
        if (!eventsWithoutStack.isEmpty()) {
            StringJoiner counts = new StringJoiner(", ");
            eventsWithoutStack.forEach((view, n) -> counts.add(Wording.count(n) + " " + view.eventNoun()));
            notes.add("Some events were recorded without a stack trace (" + counts + "); like async-profiler's"
                    + " converter and the JDK's parser, the views leave them out.");
        }
        if (bucketUnits > 0) {
            notes.add(resolutionNote(bucketUnits * timeUnitNanos));
        }
        return assemble(path, fileSize, tables, threadNames.toArray(new String[0]), threadSources.toArray(),
                warnings, notes, eventsWithoutStack, oldObjects, endNanos);
    }

    /** The file (or folder) and size partial profiles name as their recording. */
    private Path partialPath;
    private long partialSize;

    void partialOf(Path path, long fileSize) {
        partialPath = path;
        partialSize = fileSize;
    }

    /** How many threads are resolved so far: the ids a partial profile's unresolved threads follow. */
    int threadCount() {
        return threadNames.size();
    }

    /**
     * Copies of the sample tables' resolved rows, for a partial profile: per view, the rows before
     * {@code firstUnresolved}'s index for it (0 for a view missing from it), or all rows when it is null.
     */
    EnumMap<ViewKind, SampleRows> resolvedRows(Map<ViewKind, Integer> firstUnresolved) {
        EnumMap<ViewKind, SampleRows> copies = new EnumMap<>(ViewKind.class);
        tables.forEach((view, rows) -> {
            SampleRows copy = partialRows(view);
            int n = firstUnresolved == null ? rows.size() : firstUnresolved.getOrDefault(view, 0);
            for (int i = 0; i < n; i++) {
                if (rows.bucketUnits() > 0) {
                    copy.addBucket(rows.timeUnits(i), rows.thread(i), rows.stack(i), rows.weight(i), rows.count(i),
                            rows.squaresLow(i), rows.squaresHigh(i));
                } else {
                    copy.add(rows.timeNanos(i), rows.thread(i), rows.stack(i), rows.weight(i));
                }
            }
            copies.put(view, copy);
        });
        return copies;
    }

    /** Empty rows for a partial profile's view, on the tables' bucket width. */
    SampleRows partialRows(ViewKind view) {
        SampleRows rows = SampleRows.forView(view, originNanos, timeUnitNanos);
        if (bucketUnits > 0) {
            rows.rebucket(bucketUnits);
        }
        return rows;
    }

    /**
     * A partial profile of what has been read: {@code rows} (copies, with resolved stacks) and everything the
     * chunks read to their end gave. Nothing of this builder is shared with it, so it can go to another
     * thread while reading goes on. {@code moreThreads} names threads not resolved yet, numbered after the
     * resolved ones; {@code readUntilNanos} is how far into the recording its samples may reach.
     */
    dev.firesight.parser.Profile partial(EnumMap<ViewKind, SampleRows> rows, List<String> moreThreads,
                                         long readUntilNanos) {
        String[] threads = new String[threadNames.size() + moreThreads.size()];
        int[] sources = new int[threads.length];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = i < threadNames.size() ? threadNames.get(i) : moreThreads.get(i - threadNames.size());
            sources[i] = i < threadNames.size() ? threadSources.get(i) : Math.max(0, source);
        }
        return assemble(partialPath, partialSize, rows, threads, sources, List.copyOf(warnings), List.of(),
                new EnumMap<>(eventsWithoutStack), List.copyOf(oldObjects), Math.max(endNanos, readUntilNanos));
    }

    /** The profile of these rows and threads with everything else read so far; shared by the complete and partial ones. */
    private Profile assemble(Path path, long fileSize, Map<ViewKind, SampleRows> rowsByView, String[] threads,
                             int[] sources, List<Warning> warnings, List<String> notes,
                             Map<ViewKind, Long> withoutStack, List<OldObjectSample> old, long lastNanos) {
        EnumMap<ViewKind, SampleTable> views = new EnumMap<>(ViewKind.class);
        rowsByView.forEach((view, rows) -> {
            if (rows.size() > 0) {
                views.put(view, new SampleTable(view, rows));
            }
        });
        SampleTable alloc = views.get(ViewKind.ALLOC);
        if (alloc != null && wanted.contains(ViewKind.ALLOC_COUNT)) {
            views.put(ViewKind.ALLOC_COUNT, alloc.countView(ViewKind.ALLOC_COUNT));
        }
        views.keySet().retainAll(wanted);
        long start = startNanos == Long.MAX_VALUE ? originNanos : startNanos;
        long end = Math.max(lastNanos, start);
        Map<TimeSeries.Kind, TimeSeries> series = new LinkedHashMap<>();
        for (TimeSeries rate : new TimeSeries[] {TimeSeries.rate(alloc, TimeSeries.Kind.ALLOCATION_RATE, start, end,
                null, dev.firesight.parser.AllocationSpread.of(alloc, eventCounts)),
                TimeSeries.rate(views.get(ViewKind.CPU), TimeSeries.Kind.CPU_SAMPLES, start, end, null)}) {
            if (rate != null) {
                series.put(rate.kind(), rate);
            }
        }
        List<String> sourceNames = this.sourceNames.isEmpty() ? List.of("this JVM") : sourceLabels();
        List<JvmSeries> jvms = new ArrayList<>();
        TreeMap<Long, Double> pauses = new TreeMap<>();
        for (int s = 0; s < sourceNames.size(); s++) {
            Map<TimeSeries.Kind, TimeSeries> own = new EnumMap<>(TimeSeries.Kind.class);
            if (s < points.size()) {
                points.get(s).forEach((kind, map) -> own.put(kind, series(kind, map)));
                points.get(s).getOrDefault(TimeSeries.Kind.GC_PAUSE, new TreeMap<>())
                        .forEach((t, v) -> pauses.merge(t, v, Double::sum));
            }
            Map<String, TimeSeries> byClass = new HashMap<>();
            if (s < classLiveBytes.size()) {
                classLiveBytes.get(s).forEach((name, map) ->
                        byClass.put(name, series(TimeSeries.Kind.CLASS_LIVE_BYTES, map)));
            }
            jvms.add(new JvmSeries(sourceNames.get(s), own, byClass));
        }
        if (jvms.size() == 1) {
            jvms.get(0).series().forEach(series::putIfAbsent);
        } else if (!pauses.isEmpty()) {
            series.put(TimeSeries.Kind.GC_PAUSE, series(TimeSeries.Kind.GC_PAUSE, pauses)); // a pause of any JVM
        }

        byte[] kinds = new byte[frameKinds.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = (byte) frameKinds.get(i);
        }
        FrameTable frameTable = new FrameTable(names.toArray(), frameNames.toArray(), kinds,
                frameLines.toArray(), frameDetails.toArray());
        StackTable stackTable = new StackTable(stacks);
        RecordingInfo info = new RecordingInfo(path, fileSize,
                producer(), start, end - start, chunks,
                jvm.get("jvmName"), jvm.get("jvmVersion"), jvm.get("jvmArguments"), jvm.get("javaArguments"),
                parseLong(jvm.get("pid")), jvm.get("osVersion"), jvm.get("cpu"), Map.copyOf(eventCounts),
                List.copyOf(systemProperties), List.copyOf(environment));
        Profile profile = new Profile(info, views, frameTable, stackTable, threads, series,
                warnings, notes, withoutStack, old, jvms, new Sources(sourceNames, sources, Sources.gapsBetween(covered),
                Sources.spansOf(covered, sourceNames.size())));
        // A part of the recording loaded alone is the profile's time: rates, pauses, readings and findings are of that
        // part. Over the whole recording, 33 GiB allocated in the 10 s asked for read as a mean of 753 MiB/s and as a
        // spike above a median of 0, beside GC pauses from outside it.
        return sampleFrom > start || sampleTo < end ? profile.within(sampleFrom, sampleTo) : profile;
    }

    /** Each source's name, with the file it was read from ("in pod-a.jfr") or how many, when a load read several. */
    private List<String> sourceLabels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < sourceNames.size(); i++) {
            java.util.Set<String> files = sourceFiles.get(i);
            String name = sourceNames.get(i);
            boolean isFile = files.size() == 1 && files.contains(name); // a source named after its file already
            labels.add(files.isEmpty() || isFile ? name : files.size() == 1 ? name + " in " + files.iterator().next()
                    : name + " in " + files.size() + " files");
        }
        return List.copyOf(labels);
    }

    /** The note that says samples are kept per bucket, and what that means for the numbers. */
    static String resolutionNote(long bucketNanos) {
        String width = Wording.shortTime(bucketNanos);
        return "Samples are kept per " + width + " bucket to fit memory: every total is exact; the timeline's"
                + " resolution is " + width + ".";
    }

    private static TimeSeries series(TimeSeries.Kind kind, TreeMap<Long, Double> map) {
        long[] times = new long[map.size()];
        double[] values = new double[map.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : map.entrySet()) {
            times[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new TimeSeries(kind, times, values, 0);
    }

    /** Which profiler wrote the recording, as the recording's types and settings tell. */
    private String producer() {
        List<String> producers = new ArrayList<>();
        if (datadog) {
            producers.add("Datadog Java profiler");
        } else if (asyncProfiler) {
            producers.add(producerVersion == null ? "async-profiler" : "async-profiler " + producerVersion);
        }
        if (jdkRecorder || producers.isEmpty()) {
            producers.add("JDK Flight Recorder"); // a folder can hold both
        }
        return String.join(" and ", producers);
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
