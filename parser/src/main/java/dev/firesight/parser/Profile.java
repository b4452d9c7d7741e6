package dev.firesight.parser;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, compact model of one recording: its facts, one sample table per view, the interned
 * frames, stacks and threads those tables point into, the time series, and what could not be read.
 * Call trees and flame layouts are computed from it on demand.
 */
public final class Profile {
    private final RecordingInfo info;
    private final Map<ViewKind, SampleTable> views;
    private final FrameTable frames;
    private final StackTable stacks;
    private final String[] threadNames;
    private final Map<TimeSeries.Kind, TimeSeries> series;
    private final List<Warning> warnings;
    private final List<String> notes;
    private final Map<ViewKind, Long> eventsWithoutStack;
    private final List<OldObjectSample> oldObjects;
    private final List<JvmSeries> jvms;
    private final Sources sources;
    private final Sources.Span time;
    private final java.util.concurrent.ConcurrentHashMap<String, Object> derived =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Profile(RecordingInfo info, Map<ViewKind, SampleTable> views, FrameTable frames, StackTable stacks,
                   String[] threadNames, Map<TimeSeries.Kind, TimeSeries> series, List<Warning> warnings) {
        this(info, views, frames, stacks, threadNames, series, warnings, List.of());
    }

    public Profile(RecordingInfo info, Map<ViewKind, SampleTable> views, FrameTable frames, StackTable stacks,
                   String[] threadNames, Map<TimeSeries.Kind, TimeSeries> series, List<Warning> warnings,
                   List<String> notes) {
        this(info, views, frames, stacks, threadNames, series, warnings, notes, Map.of(), List.of(), Map.of(),
                Sources.single(threadNames.length));
    }

    public Profile(RecordingInfo info, Map<ViewKind, SampleTable> views, FrameTable frames, StackTable stacks,
                   String[] threadNames, Map<TimeSeries.Kind, TimeSeries> series, List<Warning> warnings,
                   List<String> notes, Map<ViewKind, Long> eventsWithoutStack, List<OldObjectSample> oldObjects,
                   Map<String, TimeSeries> liveBytesByClass, Sources sources) {
        this(info, views, frames, stacks, threadNames, series, warnings, notes, eventsWithoutStack, oldObjects,
                List.of(new JvmSeries(sources.names().get(0), series, liveBytesByClass)), sources);
    }

    /**
     * @param series what adds up across the JVMs (see {@link #series()})
     * @param jvms   what each JVM recorded over time, one per source, in the order of {@code sources}
     */
    public Profile(RecordingInfo info, Map<ViewKind, SampleTable> views, FrameTable frames, StackTable stacks,
                   String[] threadNames, Map<TimeSeries.Kind, TimeSeries> series, List<Warning> warnings,
                   List<String> notes, Map<ViewKind, Long> eventsWithoutStack, List<OldObjectSample> oldObjects,
                   List<JvmSeries> jvms, Sources sources) {
        this(info, views, frames, stacks, threadNames, series, warnings, notes, eventsWithoutStack, oldObjects, jvms,
                sources, new Sources.Span(info.startNanos(), info.endNanos()));
    }

    /**
     * @param time the time the samples and readings cover: the recording's, or the part of it that was loaded
     *             alone (see {@link #time()})
     */
    public Profile(RecordingInfo info, Map<ViewKind, SampleTable> views, FrameTable frames, StackTable stacks,
                   String[] threadNames, Map<TimeSeries.Kind, TimeSeries> series, List<Warning> warnings,
                   List<String> notes, Map<ViewKind, Long> eventsWithoutStack, List<OldObjectSample> oldObjects,
                   List<JvmSeries> jvms, Sources sources, Sources.Span time) {
        this.time = time;
        if (jvms.size() != sources.count()) {
            throw new IllegalArgumentException(jvms.size() + " JVMs' series for " + sources.count() + " sources");
        }
        this.eventsWithoutStack = Map.copyOf(eventsWithoutStack);
        this.sources = sources;
        this.jvms = List.copyOf(jvms);
        this.oldObjects = List.copyOf(oldObjects);
        this.info = info;
        this.views = Collections.unmodifiableMap(views.isEmpty() ? new EnumMap<>(ViewKind.class) : new EnumMap<>(views));
        this.frames = frames;
        this.stacks = stacks;
        this.threadNames = threadNames;
        this.series = Collections.unmodifiableMap(series.isEmpty()
                ? new EnumMap<>(TimeSeries.Kind.class) : new EnumMap<>(series));
        this.warnings = List.copyOf(warnings);
        this.notes = List.copyOf(notes);
    }

    /**
     * The same recording with its stacks rewritten (see {@code query.Transforms}): every sample table, series
     * and fact is shared, and stack {@code i} of {@code rewritten} stands for stack {@code i} of this profile,
     * so the sample tables' stack ids still hold. {@code withFrames} must keep this profile's frame and name
     * ids and may only add to them.
     */
    public Profile withStacks(FrameTable withFrames, StackTable rewritten) {
        if (rewritten.size() != stacks.size() || withFrames.size() < frames.size()) {
            throw new IllegalArgumentException("rewritten stacks must keep every stack and frame id");
        }
        Map<ViewKind, Long> without = new EnumMap<>(ViewKind.class);
        without.putAll(eventsWithoutStack);
        return new Profile(info, views, withFrames, rewritten, threadNames, series, warnings, notes, without,
                oldObjects, jvms, sources, time);
    }

    public RecordingInfo info() {
        return info;
    }

    /**
     * The time this profile's samples and readings cover: the recording's start to its end, or the part of it that
     * was loaded alone ({@code --from}/{@code --to}, the window's "part of the time"). Rates, pauses and findings are
     * of this time; the recording's facts ({@link #info()}) and the times a user types stay the whole recording's.
     */
    public Sources.Span time() {
        return time;
    }

    /**
     * This profile over {@code [from, to]} of its time: the same samples, stacks and facts, with its time, series
     * and each JVM's readings cut to that part, so that what is computed of its time (rates, pauses, findings, the
     * samples {@code StackWeights} sums) is of that part. The window's findings follow its time selection this way.
     */
    public Profile within(long from, long to) {
        long f = Math.min(Math.max(from, time.fromNanos()), time.toNanos());
        long t = Math.max(f, Math.min(to, time.toNanos()));
        if (f == time.fromNanos() && t == time.toNanos()) {
            return this;
        }
        List<JvmSeries> cut = jvms.stream().map(j -> j.within(f, t)).toList();
        return new Profile(info, views, frames, stacks, threadNames, within(series, f, t), warnings, notes,
                eventsWithoutStack, oldObjects, cut, sources, new Sources.Span(f, t));
    }

    /** Each series' readings in {@code [from, to]}, a limit's all of them. */
    static <K> Map<K, TimeSeries> within(Map<K, TimeSeries> series, long from, long to) {
        Map<K, TimeSeries> out = new java.util.HashMap<>();
        series.forEach((k, s) -> out.put(k, TimeSeries.LIMITS.contains(s.kind()) ? s : s.within(from, to)));
        return out;
    }


    /** True when this profile covers less than its recording: a part loaded alone, or {@link #within} a part. */
    public boolean isPart() {
        return time.fromNanos() > info.startNanos() || time.toNanos() < info.endNanos();
    }

    /** {@link #time()} less the gaps no file covers (a folder's files apart): the time rates are over. */
    public long recordedNanos() {
        long gaps = 0;
        for (Sources.Span g : sources.gaps()) {
            gaps += Math.max(0, Math.min(g.toNanos(), time.toNanos()) - Math.max(g.fromNanos(), time.fromNanos()));
        }
        return Math.max(0, time.durationNanos() - gaps);
    }

    /** The views that have at least one sample, in {@link ViewKind} order. */
    public Set<ViewKind> views() {
        return views.keySet();
    }

    public boolean has(ViewKind view) {
        return views.containsKey(view);
    }

    /** The samples of a view; an empty table when the recording has none. */
    public SampleTable samples(ViewKind view) {
        SampleTable table = views.get(view);
        return table != null ? table : SampleTable.empty(view, info.startNanos());
    }

    /**
     * The width of the time buckets samples are kept in, in nanoseconds; 0 when every sample is kept on its
     * own. Every table of a profile is on the same width, from the same origin.
     */
    public long resolutionNanos() {
        for (SampleTable t : views.values()) {
            if (t.bucketed()) {
                return t.bucketNanos();
            }
        }
        return 0;
    }

    /**
     * A time selection as this profile's samples can answer it: widened to whole buckets when samples are kept
     * per bucket, else unchanged. Queries select by it, and it is the range to show the user.
     */
    public dev.firesight.parser.query.TimeRange snap(dev.firesight.parser.query.TimeRange range) {
        for (SampleTable t : views.values()) {
            if (t.bucketed()) {
                return range.snapOut(t.originNanos(), t.bucketNanos());
            }
        }
        return range;
    }

    /**
     * The width of a time series' points over samples: {@code wantedNanos} when samples are kept one by one,
     * else the smallest power-of-two multiple of the bucket width that is at least that, so no point is finer
     * than the samples' resolution and each holds whole buckets (start the points at {@link #snap}ped times).
     */
    public long seriesBucketNanos(long wantedNanos) {
        long resolution = resolutionNanos();
        if (resolution <= 0) {
            return wantedNanos;
        }
        long width = resolution;
        while (width < wantedNanos && width < Long.MAX_VALUE / 2) {
            width *= 2;
        }
        return width;
    }

    public FrameTable frames() {
        return frames;
    }

    public StackTable stacks() {
        return stacks;
    }

    public int threadCount() {
        return threadNames.length;
    }

    public String threadName(int thread) {
        return threadNames[thread];
    }

    /**
     * A question about this profile, answered in steps that share one pass over the samples:
     * {@code profile.query(q).callTree(cancelled)}.
     */
    public dev.firesight.parser.query.Query query(dev.firesight.parser.query.ProfileQuery q) {
        return new dev.firesight.parser.query.Query(this, q);
    }

    /** The JVMs the samples come from, and which threads are whose. */
    public Sources sources() {
        return sources;
    }

    /**
     * The series of the whole profile. From one JVM, everything it recorded (as {@link #jvms()} has it) and
     * the rates of the samples; from several, only what adds up across them: the samples' rates and the GC
     * pauses. A level such as heap used belongs to one JVM: see {@link #jvms()}.
     */
    public Map<TimeSeries.Kind, TimeSeries> series() {
        return series;
    }

    /** What each JVM recorded over time, one per source (index as in {@link #sources()}). */
    public List<JvmSeries> jvms() {
        return jvms;
    }

    /** A sentence about one of the JVMs: of several, it says which ("In pid 41 in pod-a.jfr: ..."). */
    public String aboutJvm(int jvm, String sentence) {
        return jvms.size() > 1 ? "In " + jvms.get(jvm).name() + ": " + sentence : sentence;
    }

    /** What could not be read, in reading order; empty for an intact recording. */
    public List<Warning> warnings() {
        return warnings;
    }

    /**
     * Caveats about reading the numbers that are not damage, e.g. allocation events counted twice;
     * one sentence each.
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * True when some JVM of the profile counted live bytes per class ({@code jdk.ObjectCountAfterGC}, off by
     * default: it walks the heap); each JVM's counts are in {@link #jvms()}.
     */
    public boolean hasLiveBytesByClass() {
        return jvms.stream().anyMatch(j -> !j.liveBytesByClass().isEmpty());
    }

    /** The objects JFR's old-object sampler found alive, in recording order; empty when it was off. */
    public List<OldObjectSample> oldObjects() {
        return oldObjects;
    }

    /**
     * Events of a view that the recording holds without a stack trace, so no view can draw them (the
     * converter and the JDK leave them out too); 0 when there are none.
     */
    public long eventsWithoutStack(ViewKind view) {
        return eventsWithoutStack.getOrDefault(view == ViewKind.ALLOC_COUNT ? ViewKind.ALLOC : view, 0L);
    }

    /**
     * A structure derived from this profile's tables once and then shared by every query (for example
     * the call tree of all stacks). Computed at most once per key, on the first caller's thread.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, java.util.function.Supplier<T> compute) {
        return (T) derived.computeIfAbsent(key, k -> compute.get());
    }

    /** Approximate heap bytes the profile holds: its sample tables and its stacks, the bulk of it. */
    public long retainedBytes() {
        return sampleBytes() + stacks.bytes();
    }

    /** Approximate heap bytes the sample tables hold, columns shared by two views counted once. */
    public long sampleBytes() {
        long n = 0;
        for (SampleTable t : views.values()) {
            if (t.counted() == null || !views.containsValue(t.counted())) {
                n += t.bytes();
            }
        }
        return n;
    }
}
