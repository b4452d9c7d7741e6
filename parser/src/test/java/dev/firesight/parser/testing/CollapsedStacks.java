package dev.firesight.parser.testing;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One view of a recording as collapsed stacks: stack (frames root→leaf joined by {@code ';'}) → weight,
 * plus the number of events that went in.
 *
 * @param weights    stack → summed weight (sorted by stack)
 * @param eventCount events counted (for {@link ConverterOracle}: the converter's sample count, which for
 *                   the wall view is the sum of the events' {@code samples} fields)
 */
public record CollapsedStacks(Map<String, Long> weights, long eventCount) {
    public CollapsedStacks {
        weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    }

    public static CollapsedStacks empty() {
        return new CollapsedStacks(Map.of(), 0);
    }

    /** Both views merged: weights of equal stacks and the event counts added. */
    public CollapsedStacks plus(CollapsedStacks other) {
        Map<String, Long> merged = new TreeMap<>(weights);
        other.weights.forEach((stack, w) -> merged.merge(stack, w, Long::sum));
        return new CollapsedStacks(merged, eventCount + other.eventCount);
    }

    /** Sum of all weights. */
    public long totalWeight() {
        return weights.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code n} heaviest stacks, heaviest first (ties by stack text). */
    public List<Map.Entry<String, Long>> top(int n) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .collect(Collectors.toList());
    }

    /** Summed weight of the stacks that contain this frame (a frame's total, as in a call tree). */
    public long totalOf(String frame) {
        return weights.entrySet().stream()
                .filter(e -> frames(e.getKey()).contains(frame))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Summed weight of the stacks whose leaf is this frame (a frame's self weight). */
    public long selfOf(String frame) {
        return weights.entrySet().stream()
                .filter(e -> leaf(e.getKey()).equals(frame))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Summed weight of the stacks whose leaf is {@code leaf} and that contain {@code caller}. */
    public long weightOf(String caller, String leaf) {
        return weights.entrySet().stream()
                .filter(e -> leaf(e.getKey()).equals(leaf) && frames(e.getKey()).contains(caller))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Frame name → self weight, heaviest first. */
    public Map<String, Long> selfByFrame() {
        Map<String, Long> self = new TreeMap<>();
        weights.forEach((stack, w) -> self.merge(leaf(stack), w, Long::sum));
        return self.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** Collapsed-stacks text, a {@code stack weight} line per stack, as stack → weight (repeated stacks summed). */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> out = new java.util.HashMap<>();
        text.lines().forEach(l -> out.merge(l.substring(0, l.lastIndexOf(' ')),
                Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)), Long::sum));
        return out;
    }

    /**
     * Collapsed stacks (stack → weight) with every stack rewritten frame by frame and equal results summed; a
     * stack rewritten to nothing drops. The independent oracle for transforms.
     */
    public static Map<String, Long> rewritten(Map<String, Long> stacks,
            java.util.function.UnaryOperator<String[]> rewrite) {
        Map<String, Long> out = new java.util.HashMap<>();
        stacks.forEach((s, w) -> {
            String key = String.join(";", rewrite.apply(s.isEmpty() ? new String[0] : s.split(";")));
            if (!key.isEmpty()) {
                out.merge(key, w, Long::sum);
            }
        });
        return out;
    }

    /** Collapsed stacks with one frame taken out of every stack: what merging it into its callers shows. */
    public static Map<String, Long> withoutFrame(Map<String, Long> stacks, String frame) {
        return rewritten(stacks, s -> java.util.Arrays.stream(s).filter(f -> !f.equals(frame)).toArray(String[]::new));
    }

    public static List<String> frames(String stack) {
        return List.of(stack.split(";", -1));
    }

    public static String leaf(String stack) {
        return stack.substring(stack.lastIndexOf(';') + 1);
    }
}
