package dev.firesight.parser.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import one.jfr.JfrReader;

/**
 * Test oracle: the views of a recording as async-profiler's converter ({@code tools.profiler:jfr-converter}
 * 4.2, run in-process) prints them in collapsed format with {@code --total --dot} and the view's flag.
 *
 * <p>Flags per view: cpu and wall → see {@link #flags}; alloc → {@code --alloc}; alloc-count →
 * {@code --alloc} without {@code --total}; live → {@code --live}; lock → {@code --lock}.
 *
 * <p>The converter appends a frame-type suffix ({@code _[j]}, {@code _[i]}, {@code _[k]}, {@code _[0]},
 * {@code _[1]}) to some frames; it is stripped, and stacks that then coincide are summed.
 */
public final class ConverterOracle {
    private static final Pattern SUFFIX = Pattern.compile("_\\[[0-9jik]]$");

    private ConverterOracle() {
    }

    /** Every view, keyed by {@link View}. Views with no stacks are present and empty. */
    public static Map<View, CollapsedStacks> views(Path recording) {
        Map<View, CollapsedStacks> result = new EnumMap<>(View.class);
        for (View v : View.values()) {
            result.put(v, view(recording, v));
        }
        return result;
    }

    /** Views keyed by id ({@code "cpu"}, {@code "alloc"}, ...), each as stack → weight. */
    public static Map<String, Map<String, Long>> stacksByView(Path recording) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        views(recording).forEach((v, s) -> result.put(v.id(), s.weights()));
        return result;
    }

    /**
     * One view. Weights come from a {@code --total} run; {@link CollapsedStacks#eventCount()} is the
     * summed sample count of a run without {@code --total}.
     */
    public static CollapsedStacks view(Path recording, View view) {
        return view(recording, view, true);
    }

    /** One view with the weights as the converter computes them, without the first-sample rule (ORACLES.md). */
    public static CollapsedStacks viewAsWritten(Path recording, View view) {
        return view(recording, view, false);
    }

    private static CollapsedStacks view(Path recording, View view, boolean firstSampleRule) {
        try {
            Path plain = JfrFiles.plain(recording);
            List<String> flags = flags(plain, view);
            if (flags == null) {
                return CollapsedStacks.empty();
            }
            Map<String, Long> counts = collapsed(plain, flags);
            if (view == View.ALLOC_COUNT) {
                return new CollapsedStacks(counts, sum(counts));
            }
            List<String> totalFlags = new ArrayList<>(flags);
            totalFlags.add("--total");
            Map<String, Long> weights = collapsed(plain, totalFlags);
            if (view == View.ALLOC && firstSampleRule) {
                // the one documented departure (ORACLES.md): what the JDK's parser says the rule takes out
                firstSampleCuts(plain).forEach((stack, cut) -> weights.merge(stack, -cut,
                        (a, b) -> a + b == 0 ? null : a + b));
            }
            return new CollapsedStacks(weights, sum(counts));
        } catch (IOException e) {
            throw new UncheckedIOException("converter failed on " + recording + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the first-sample rule takes out of each alloc stack, by the JDK's parser; none for the few public
     * recordings that parser cannot read (they are async-profiler's, which has no jdk.ObjectAllocationSample).
     */
    private static Map<String, Long> firstSampleCuts(Path plain) {
        try {
            return JdkOracle.read(plain).firstSampleCuts();
        } catch (RuntimeException | InternalError e) {
            return Map.of();
        }
    }

    /**
     * The converter's arguments for a view, without {@code --total}; null when the converter has no
     * reading of that view for this recording (the view is empty).
     *
     * <p>cpu and wall: with {@code STATE_DEFAULT} in the thread-state enum (async-profiler 2.10 and later)
     * {@code --cpu} and {@code --wall} split the execution samples by state. Without it (the JDK, and
     * async-profiler up to 2.9) the converter cannot split them; all of them are one view, which the
     * profiler's {@code event} setting names: wall for {@code event=wall}, else cpu.
     */
    public static List<String> flags(Path plainRecording, View view) throws IOException {
        List<String> flags = new ArrayList<>(List.of("--dot", "-o", "collapsed"));
        boolean splitByState = hasThreadState(plainRecording, "STATE_DEFAULT");
        boolean wallMain = "wall".equals(setting(plainRecording, "event"));
        switch (view) {
            case CPU -> {
                if (splitByState) {
                    flags.add("--cpu");
                } else if (wallMain) {
                    return null;
                }
            }
            case WALL -> {
                if (!splitByState && !wallMain) {
                    return null; // --wall would take every JDK or 2.9 CPU sample for a wall-clock one
                }
                flags.add("--wall");
            }
            case ALLOC, ALLOC_COUNT -> flags.add("--alloc");
            case LIVE -> flags.add("--live");
            case NATIVE_ALLOC -> flags.add("--nativemem");
            case NATIVE_LEAK -> flags.addAll(List.of("--nativemem", "--leak"));
            case LOCK -> flags.add("--lock");
        }
        return flags;
    }

    /** Runs the converter with these arguments and parses its collapsed output (suffixes stripped). */
    public static Map<String, Long> collapsed(Path plainRecording, List<String> args) throws IOException {
        Arguments arguments = new Arguments(args.toArray(new String[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JfrReader reader = new JfrReader(plainRecording.toString())) {
            JfrToFlame converter = new JfrToFlame(reader, arguments);
            converter.convert();
            converter.dump(out);
        }
        return parseCollapsed(out.toString(StandardCharsets.UTF_8));
    }

    /** Parses collapsed text ("frame;frame;frame weight" per line), stripping the converter's type suffixes. */
    public static Map<String, Long> parseCollapsed(String text) {
        Map<String, Long> result = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not a collapsed stack line: " + line);
            }
            String[] frames = line.substring(0, space).split(";", -1);
            for (int i = 0; i < frames.length; i++) {
                frames[i] = SUFFIX.matcher(frames[i]).replaceFirst("");
            }
            long weight = Long.parseLong(line.substring(space + 1).trim());
            if (weight != 0) { // with --nativemem --total a free adds a stack of weight 0
                result.merge(String.join(";", frames), weight, Long::sum);
            }
        }
        return result;
    }

    /** The distinct values of an enum type in the recording's first chunk, e.g. jdk.types.FrameType. */
    public static Map<Integer, String> enumValues(Path plainRecording, String type) throws IOException {
        try (JfrReader reader = new JfrReader(plainRecording.toString())) {
            Map<Integer, String> values = reader.enums.get(type);
            return values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** A {@code jdk.ActiveSetting} value as the converter reads it (the last one of that name), or null. */
    public static String setting(Path plainRecording, String name) throws IOException {
        try (JfrReader reader = new JfrReader(plainRecording.toString())) {
            while (reader.readEvent(null) != null) {
                // reading the events fills reader.settings
            }
            return reader.settings.get(name);
        }
    }

    /** The recording's ticks per second (first chunk). */
    public static long ticksPerSecond(Path plainRecording) throws IOException {
        try (JfrReader reader = new JfrReader(plainRecording.toString())) {
            return reader.ticksPerSec;
        }
    }

    private static boolean hasThreadState(Path plainRecording, String state) throws IOException {
        return enumValues(plainRecording, "jdk.types.ThreadState").containsValue(state);
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
