package dev.firesight.parser.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Test oracle: the views of a recording computed with the JDK's own parser ({@code jdk.jfr.consumer}), in
 * the shape and with the weights async-profiler's converter prints with {@code --total --dot} (see
 * ORACLES.md for each rule and every known difference).
 *
 * <p>A stack is its frames root→leaf joined by {@code ';'}. Events without a stack trace are skipped (the
 * converter skips them too) and counted in {@link Result#eventsWithoutStack()} and
 * {@link Result#weightWithoutStack()}. Gzip files are decompressed.
 */
public final class JdkOracle {
    /** Frame types (jdk.types.FrameType names) that the converter prints as a bare function name. */
    private static final Set<String> NATIVE_CODE_TYPES = Set.of("C++", "Kernel");

    private JdkOracle() {
    }

    /** All views of a recording, plus facts gathered on the way. */
    public record Result(Map<View, CollapsedStacks> views, Map<View, Long> eventsWithoutStack,
                         Map<View, Long> weightWithoutStack, Map<String, Long> eventCounts, Set<String> frameTypes, Set<String> threadStates,
                         boolean asyncProfiler, Map<String, Long> firstSampleCuts) {
        public CollapsedStacks view(View view) {
            return views.getOrDefault(view, CollapsedStacks.empty());
        }

        /** Views keyed by {@link View#id()}, each as stack → weight. */
        public Map<String, Map<String, Long>> stacksByView() {
            Map<String, Map<String, Long>> result = new LinkedHashMap<>();
            views.forEach((v, s) -> result.put(v.id(), s.weights()));
            return result;
        }
    }

    /** Views keyed by id ({@code "cpu"}, {@code "alloc"}, ...), each as stack → weight. */
    public static Map<String, Map<String, Long>> stacksByView(Path recording) {
        return read(recording).stacksByView();
    }

    /** One view. */
    public static CollapsedStacks view(Path recording, View view) {
        return read(recording).view(view);
    }

    /** Reads the whole recording once and computes every view. */
    public static Result read(Path recording) {
        return read(recording, true);
    }

    /**
     * Every view with the weights as the JDK wrote them, without the first-sample rule (ORACLES.md): what the
     * converter computes.
     */
    public static Result readAsWritten(Path recording) {
        return read(recording, false);
    }

    private static Result read(Path recording, boolean firstSampleRule) {
        try {
            Path plain = JfrFiles.plain(recording);
            boolean asyncProfiler = isAsyncProfiler(plain);
            Map<String, String> settings = profilerSettings(plain);
            boolean allWall = "wall".equals(settings.get("event"));
            boolean stateTellsWall = asyncProfiler && atLeast(settings.get("version"), 2, 10);
            Map<View, Map<String, Long>> weights = new EnumMap<>(View.class);
            Map<View, Long> counts = new EnumMap<>(View.class);
            Map<View, Long> withoutStack = new EnumMap<>(View.class);
            Map<View, Long> withoutStackWeight = new EnumMap<>(View.class);
            Map<String, Long> eventCounts = new TreeMap<>();
            Set<String> frameTypes = new TreeSet<>();
            Set<String> threadStates = new TreeSet<>();
            Map<RecordedStackTrace, String> stackNames = new HashMap<>();
            List<NativeEvent> nativeEvents = new ArrayList<>();
            FirstSamples firstSamples = firstSampleRule ? FirstSamples.of(plain) : new FirstSamples();
            Map<String, Long> cuts = new HashMap<>();
            try (RecordingFile file = new RecordingFile(plain)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    String type = modernName(event.getEventType().getName());
                    eventCounts.merge(type, 1L, Long::sum);
                    if (event.hasField("state")) {
                        Object state = event.getValue("state");
                        threadStates.add(String.valueOf(state));
                    }
                    if (type.equals("profiler.Malloc") || type.equals("profiler.Free")) {
                        RecordedStackTrace st = event.getStackTrace();
                        nativeEvents.add(new NativeEvent(nanos(event.getStartTime()), event.getLong("address"),
                                type.equals("profiler.Malloc") ? event.getLong("size") : 0,
                                st == null ? null : stackNames.computeIfAbsent(st, x -> stack(x, true))));
                    }
                    List<Contribution> contributions = contributions(type, event, allWall, stateTellsWall, firstSamples);
                    if (contributions.isEmpty()) {
                        continue;
                    }
                    RecordedStackTrace stackTrace = event.getStackTrace();
                    if (stackTrace == null) {
                        for (Contribution c : contributions) {
                            withoutStack.merge(c.view, 1L, Long::sum);
                            withoutStackWeight.merge(c.view, c.weight, Long::sum);
                        }
                        continue;
                    }
                    for (RecordedFrame frame : stackTrace.getFrames()) {
                        frameTypes.add(frame.getType());
                    }
                    String stack = stackNames.computeIfAbsent(stackTrace, st -> stack(st, asyncProfiler));
                    for (Contribution c : contributions) {
                        String full = c.leaf == null ? stack : stack.isEmpty() ? c.leaf : stack + ';' + c.leaf;
                        // a sample the rule took everything from adds no stack, as in a flame graph
                        if (c.weight > 0 || c.cut == 0) {
                            weights.computeIfAbsent(c.view, v -> new HashMap<>()).merge(full, c.weight, Long::sum);
                        }
                        if (c.cut > 0) {
                            cuts.merge(full, c.cut, Long::sum);
                        }
                        counts.merge(c.view, 1L, Long::sum);
                    }
                }
            }
            CollapsedStacks leaks = nativeLeaks(nativeEvents);
            if (!leaks.weights().isEmpty()) {
                weights.put(View.NATIVE_LEAK, leaks.weights());
                counts.put(View.NATIVE_LEAK, leaks.eventCount());
            }
            Map<View, CollapsedStacks> views = new EnumMap<>(View.class);
            weights.forEach((v, w) -> views.put(v, new CollapsedStacks(w, counts.getOrDefault(v, 0L))));
            return new Result(views, withoutStack, withoutStackWeight, eventCounts, frameTypes, threadStates, asyncProfiler,
                    cuts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording + " with jdk.jfr.consumer: " + e.getMessage(), e);
        }
    }

    /** @param cut what the first-sample rule took out of the weight (alloc view only), 0 elsewhere */
    private record Contribution(View view, String leaf, long weight, long cut) {
        Contribution(View view, String leaf, long weight) {
            this(view, leaf, weight, 0);
        }
    }

    /**
     * The one rule in which Firesight departs from the JDK's weights (ORACLES.md): a thread's first
     * jdk.ObjectAllocationSample of a recording weighs all the thread allocated since it started (JDK-8307488).
     * Its weight loses what the thread's jdk.ThreadAllocationStatistics said it had allocated at the recording's
     * start (down to 0), unless a recording active in the JVM started over a second before the file's first event.
     */
    private static final class FirstSamples {
        private final Map<Long, Long> cut = new HashMap<>();
        /** Each thread's earliest sample's time and, of the samples at that time, the heaviest weight. */
        private final Map<Long, long[]> first = new HashMap<>();

        static FirstSamples of(Path plain) throws IOException {
            FirstSamples result = new FirstSamples();
            long earliest = Long.MAX_VALUE;
            long recordingStart = Long.MAX_VALUE;
            Map<Long, long[]> stats = new HashMap<>(); // thread id -> {time, allocated}, the earliest
            try (RecordingFile file = new RecordingFile(plain)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    long time = nanos(e.getStartTime());
                    earliest = Math.min(earliest, time);
                    switch (e.getEventType().getName()) {
                        case "jdk.ActiveRecording" -> recordingStart = Math.min(recordingStart,
                                nanos(e.getInstant("recordingStart")));
                        case "jdk.ThreadAllocationStatistics" -> {
                            if (e.getThread("thread") == null) {
                                continue;
                            }
                            long id = e.getThread("thread").getId();
                            long[] before = stats.get(id);
                            if (before == null || time < before[0]) {
                                stats.put(id, new long[] {time, e.getLong("allocated")});
                            }
                        }
                        case "jdk.ObjectAllocationSample" -> {
                            if (e.getThread("eventThread") != null) {
                                long[] sample = {time, e.getLong("weight")};
                                result.first.merge(e.getThread("eventThread").getId(), sample, (a, b) ->
                                        a[0] != b[0] ? (a[0] < b[0] ? a : b) : (a[1] >= b[1] ? a : b));
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            boolean laterPart = recordingStart != Long.MAX_VALUE && recordingStart < earliest - 1_000_000_000L;
            if (!laterPart) {
                // the statistics the JDK took as the recording's first chunk began, all within a moment
                long first = stats.values().stream().mapToLong(s -> s[0]).min().orElse(Long.MAX_VALUE);
                long start = Math.min(earliest, recordingStart);
                stats.forEach((id, s) -> {
                    if (s[0] <= start + 1_000_000_000L && s[0] <= first + 100_000_000L && s[1] > 0) {
                        result.cut.put(id, s[1]);
                    }
                });
            }
            return result;
        }

        long weight(RecordedEvent e) {
            long weight = e.getLong("weight");
            if (e.getThread("eventThread") == null) {
                return weight;
            }
            long id = e.getThread("eventThread").getId();
            long[] earliest = first.get(id);
            if (earliest != null && earliest[0] == nanos(e.getStartTime()) && earliest[1] == weight
                    && cut.containsKey(id)) {
                first.remove(id); // once per thread
                return weight - Math.min(weight, cut.get(id));
            }
            return weight;
        }
    }

    private record NativeEvent(long timeNanos, long address, long size, String stack) {
    }

    /**
     * Native allocations never freed: events in time order (ties in file order), an allocation taking its
     * address and a free releasing it; the ones left, allocated before the last tenth of the events' span.
     * (The converter orders per chunk and in ticks; the fixtures are single-chunk with 1e9 ticks/s.)
     */
    private static CollapsedStacks nativeLeaks(List<NativeEvent> events) {
        List<NativeEvent> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparingLong(NativeEvent::timeNanos));
        Map<Long, NativeEvent> live = new HashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (NativeEvent e : ordered) {
            min = Math.min(min, e.timeNanos());
            max = Math.max(max, e.timeNanos());
            if (e.size() > 0) {
                live.put(e.address(), e);
            } else {
                live.remove(e.address());
            }
        }
        long cutoff = (long) (min * 0.1 + max * 0.9);
        Map<String, Long> leaks = new HashMap<>();
        long count = 0;
        for (NativeEvent e : live.values()) {
            if (e.timeNanos() <= cutoff && e.stack() != null) {
                leaks.merge(e.stack(), e.size(), Long::sum);
                count++;
            }
        }
        return new CollapsedStacks(leaks, count);
    }

    private static long nanos(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * @param allWall        async-profiler up to 2.9 recorded with {@code event=wall}: every execution
     *                       sample is a wall-clock sample
     * @param stateTellsWall async-profiler 2.10 or later: an execution sample is a CPU sample when its
     *                       state is {@code STATE_DEFAULT} and a wall-clock sample otherwise
     */
    private static List<Contribution> contributions(String type, RecordedEvent e, boolean allWall,
                                                    boolean stateTellsWall, FirstSamples firstSamples) {
        List<Contribution> result = new ArrayList<>(2);
        switch (type) {
            case "jdk.ExecutionSample" -> {
                boolean wall = allWall || stateTellsWall && !"STATE_DEFAULT".equals(e.getString("state"));
                result.add(new Contribution(wall ? View.WALL : View.CPU, null, 1));
            }
            case "profiler.WallClockSample" -> result.add(new Contribution(View.WALL, null, e.getLong("samples")));
            case "jdk.ObjectAllocationInNewTLAB" -> {
                long tlab = e.getLong("tlabSize");
                allocation(result, e, tlab != 0 ? tlab : e.getLong("allocationSize"));
            }
            case "jdk.ObjectAllocationOutsideTLAB" -> allocation(result, e, e.getLong("allocationSize"));
            case "jdk.ObjectAllocationSample" -> {
                long weight = firstSamples.weight(e);
                String leaf = className(e.getClass("objectClass"));
                result.add(new Contribution(View.ALLOC, leaf, weight, e.getLong("weight") - weight));
                result.add(new Contribution(View.ALLOC_COUNT, leaf, 1));
            }
            case "profiler.Malloc" -> result.add(new Contribution(View.NATIVE_ALLOC, null, e.getLong("size")));
            case "profiler.LiveObject" -> result.add(new Contribution(View.LIVE,
                    className(e.getClass("objectClass")), e.getLong("allocationSize")));
            case "jdk.JavaMonitorEnter" -> result.add(new Contribution(View.LOCK,
                    className(e.getClass("monitorClass")), e.getDuration().toNanos()));
            case "jdk.ThreadPark" -> result.add(new Contribution(View.LOCK,
                    className(e.getClass("parkedClass")), e.getDuration().toNanos()));
            default -> {
            }
        }
        return result;
    }

    private static void allocation(List<Contribution> result, RecordedEvent e, long bytes) {
        String leaf = className(e.getClass("objectClass"));
        result.add(new Contribution(View.ALLOC, leaf, bytes));
        result.add(new Contribution(View.ALLOC_COUNT, leaf, 1));
    }

    /**
     * The {@code jdk.ActiveSetting} values async-profiler writes about itself ({@code version},
     * {@code event}, ...), by name; the JDK writes none of these names.
     */
    public static Map<String, String> profilerSettings(Path recording) throws IOException {
        Map<String, String> settings = new HashMap<>();
        try (RecordingFile file = new RecordingFile(JfrFiles.plain(recording))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ActiveSetting")) {
                    String name = event.getString("name");
                    if (name.equals("version") || name.equals("event")) {
                        settings.putIfAbsent(name, event.getString("value"));
                    }
                }
            }
        }
        return settings;
    }

    /** True when a version such as {@code 2.10} or {@code 4.2.1} is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || ma == major && mi >= minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * JDK 9 and 10 (JFR format 1.0) name their events {@code com.oracle.jdk.X}; the JDK's parser keeps those
     * names, and JMC maps them to the {@code jdk.X} names of JDK 11, as the oracle does here.
     */
    static String modernName(String eventType) {
        if (!eventType.startsWith("com.oracle.jdk.")) {
            return eventType;
        }
        String name = eventType.substring("com.oracle.jdk.".length());
        return "jdk." + switch (name) {
            case "AllocationRequiringGc" -> "AllocationRequiringGC";
            case "GCG1MMU" -> "G1MMU";
            default -> name;
        };
    }

    /** True for async-profiler recordings, recognised by its {@code profiler.*} event types. */
    public static boolean isAsyncProfiler(Path recording) throws IOException {
        try (RecordingFile file = new RecordingFile(JfrFiles.plain(recording))) {
            for (EventType type : file.readEventTypes()) {
                if (type.getName().startsWith("profiler.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The root frame Firesight gives a stack the recorder cut at its stack depth. */
    public static final String TRUNCATED = "[truncated]";

    /**
     * Frames root→leaf joined by ';', under {@value #TRUNCATED} when the recorder cut the stack (the JDK
     * parser's {@link RecordedStackTrace#isTruncated()}; the converter does not mark them).
     */
    public static String stack(RecordedStackTrace stackTrace, boolean asyncProfiler) {
        List<RecordedFrame> frames = stackTrace.getFrames();
        StringBuilder sb = new StringBuilder(stackTrace.isTruncated() ? TRUNCATED : "");
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(frameName(frames.get(i), asyncProfiler));
        }
        return sb.toString();
    }

    /**
     * A frame as the converter names it: {@code package.Class.method} for Java frames; the bare function
     * name for C++ and Kernel frames, for frames without a class, and, in async-profiler recordings only,
     * for "Native" frames (there they are C functions; in JDK recordings "Native" is a Java native method).
     */
    public static String frameName(RecordedFrame frame, boolean asyncProfiler) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "unknown";
        }
        String name = method.getName() == null ? "" : method.getName();
        RecordedClass type = method.getType();
        String cls = type == null ? null : type.getName();
        boolean nativeCode = NATIVE_CODE_TYPES.contains(frame.getType())
                || (asyncProfiler && "Native".equals(frame.getType()));
        if (cls == null || cls.isEmpty() || nativeCode) {
            return name;
        }
        String dotted = cls.replace('/', '.');
        return name.isEmpty() ? dotted : dotted + '.' + name;
    }

    /**
     * A class as the converter prints it: {@code java.lang.String}, {@code byte[]},
     * {@code java.lang.Object[]}, {@code int[][]}; null stays null (no leaf frame).
     */
    public static String className(RecordedClass cls) {
        return cls == null ? null : className(cls.getName());
    }

    /** Converts a JVM class name or array descriptor ({@code [B}, {@code [Ljava.lang.String;}) as above. */
    public static String className(String name) {
        if (name == null) {
            return null;
        }
        int depth = 0;
        while (depth < name.length() && name.charAt(depth) == '[') {
            depth++;
        }
        String element;
        if (depth == 0) {
            element = name;
        } else {
            element = switch (name.charAt(depth)) {
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'S' -> "short";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'Z' -> "boolean";
                case 'F' -> "float";
                case 'D' -> "double";
                case 'L' -> name.substring(depth + 1, name.endsWith(";") ? name.length() - 1 : name.length());
                default -> name.substring(depth);
            };
        }
        return element.replace('/', '.') + "[]".repeat(depth);
    }
}
