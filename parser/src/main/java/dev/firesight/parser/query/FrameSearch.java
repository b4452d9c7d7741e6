package dev.firesight.parser.query;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The frames of a tree whose name matches a {@link SearchPattern}: which nodes match, the order in which
 * next/previous visit them (heaviest first, ties left to right), and the weight matched, each stack counted
 * once however many of its frames match. Each distinct name is tested once. Runs on any tree shape, so the
 * window's flame graphs, the comparison's diff and the exports share it.
 */
public final class FrameSearch {
    /** The shape a search walks: a {@link CallTree}, or a flame graph's view of one or of a diff. */
    public interface Tree {
        int ROOT = 0;
        int NONE = -1;

        int size();

        int firstChild(int node);

        int nextSibling(int node);

        /** Equal for equal names within the tree. */
        int nameId(int node);

        String name(int node);

        double weight(int node);

        /**
         * What the tree shows: two trees with the same source have the same nodes, so a search of one is a
         * search of the other (a call tree and a flame graph's view of it).
         */
        default Object source() {
            return this;
        }
    }

    private static final FrameSearch NONE = new FrameSearch(null, null, new BitSet(), new int[0], 0, 0);

    private final Tree tree;
    private final SearchPattern pattern;
    private final BitSet matched;
    private final int[] byWeight;
    private final double matchedWeight;
    private final double totalWeight;

    private FrameSearch(Tree tree, SearchPattern pattern, BitSet matched, int[] byWeight, double matchedWeight,
                        double totalWeight) {
        this.tree = tree;
        this.pattern = pattern;
        this.matched = matched;
        this.byWeight = byWeight;
        this.matchedWeight = matchedWeight;
        this.totalWeight = totalWeight;
    }

    /** No search: nothing matches. */
    public static FrameSearch none() {
        return NONE;
    }

    public static FrameSearch run(Tree tree, SearchPattern pattern) {
        return run(tree, pattern, () -> false);
    }

    /** @throws CancellationException once {@code cancelled} says so */
    public static FrameSearch run(Tree tree, SearchPattern pattern, BooleanSupplier cancelled) {
        if (tree == null || pattern == null) {
            return NONE;
        }
        NameVerdicts byName = new NameVerdicts(pattern, tree);
        BitSet matched = new BitSet(tree.size());
        int[] order = new int[16];
        int count = 0;
        double weight = 0;
        // Pre-order walk, left to right; `covered` marks being below a match, so its weight counts once.
        int[] stack = new int[64];
        boolean[] covered = new boolean[64];
        int top = 0;
        stack[top] = Tree.ROOT;
        covered[top++] = false;
        for (int visited = 0; top > 0; visited++) {
            if ((visited & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("search was cancelled");
            }
            int node = stack[--top];
            boolean under = covered[top];
            boolean hit = node != Tree.ROOT
                    && byName.matches(tree.nameId(node), node);
            if (hit) {
                matched.set(node);
                if (count == order.length) {
                    order = Arrays.copyOf(order, count * 2);
                }
                order[count++] = node;
                if (!under) {
                    weight += tree.weight(node);
                }
            }
            int mark = top;
            for (int c = tree.firstChild(node); c != Tree.NONE; c = tree.nextSibling(c)) {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                    covered = Arrays.copyOf(covered, top * 2);
                }
                stack[top] = c;
                covered[top++] = under || hit;
            }
            reverse(stack, covered, mark, top - 1);
        }
        if (tree.source() instanceof CallTree built && !built.isComplete()) {
            // Matches below frames too narrow to build are not nodes here, but their stacks count all the same.
            weight = built.weightOfStacksWith(id -> byName.matchesName(id, built.profile().frames().nameOf(id)),
                    cancelled);
        }
        return new FrameSearch(tree, pattern, matched, heaviestFirst(tree, Arrays.copyOf(order, count)), weight,
                tree.weight(Tree.ROOT));
    }

    /**
     * Whether each name matches, decided once per name id: in an array for frame name ids (a map of boxed ids
     * cost more than the walk on a tree of a million nodes), in a map for the others (thread nodes, negative).
     */
    private static final class NameVerdicts {
        private final SearchPattern pattern;
        private final Tree tree;
        /** Name ids above this go in the map, so a tree whose ids are sparse never grows a huge array. */
        private static final int ARRAY_LIMIT = 1 << 22;
        private byte[] verdicts = new byte[1024];
        private final Map<Integer, Boolean> others = new HashMap<>();

        NameVerdicts(SearchPattern pattern, Tree tree) {
            this.pattern = pattern;
            this.tree = tree;
        }

        boolean matches(int id, int node) {
            return decide(id, node, null);
        }

        /** For a frame name id and its text. */
        boolean matchesName(int id, String name) {
            return decide(id, -1, name);
        }

        private boolean decide(int id, int node, String name) {
            if (id < 0 || id >= ARRAY_LIMIT) {
                return others.computeIfAbsent(id, k -> pattern.matches(name != null ? name : tree.name(node)));
            }
            if (id >= verdicts.length) {
                verdicts = Arrays.copyOf(verdicts, Math.max(id + 1, verdicts.length * 2));
            }
            byte v = verdicts[id];
            if (v == 0) {
                v = pattern.matches(name != null ? name : tree.name(node)) ? (byte) 1 : (byte) 2;
                verdicts[id] = v;
            }
            return v == 1;
        }
    }

    private static void reverse(int[] stack, boolean[] covered, int from, int to) {
        for (int i = from, j = to; i < j; i++, j--) {
            int s = stack[i];
            stack[i] = stack[j];
            stack[j] = s;
            boolean b = covered[i];
            covered[i] = covered[j];
            covered[j] = b;
        }
    }

    /** Nodes in pre-order, sorted by weight descending; a stable sort keeps left-to-right order for ties. */
    private static int[] heaviestFirst(Tree tree, int[] preOrder) {
        return IntStream.of(preOrder).boxed()
                .sorted((a, b) -> Double.compare(tree.weight(b), tree.weight(a)))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The tree searched; null for no search. */
    public Tree tree() {
        return tree;
    }

    /** True when this search was run on {@code other} (the same tree, or an equal view of it). */
    public boolean isFor(Tree other) {
        return tree != null && other != null && tree.source() == other.source();
    }

    /** The pattern searched for; null for no search. */
    public SearchPattern pattern() {
        return pattern;
    }

    public boolean matches(int node) {
        return node >= 0 && matched.get(node);
    }

    /** How many frames (nodes) match. */
    public int matchCount() {
        return byWeight.length;
    }

    public boolean isEmpty() {
        return byWeight.length == 0;
    }

    /** The {@code i}-th match in the order next/previous visit them: heaviest first. */
    public int match(int i) {
        return byWeight[i];
    }

    /** The matches, heaviest first. */
    public int[] matches() {
        return byWeight.clone();
    }

    /** The weight of every stack with a matching frame, nested matches counted once. */
    public double matchedWeight() {
        return matchedWeight;
    }

    /** The matched weight as a percentage of the tree's total. */
    public double percent() {
        return totalWeight == 0 ? 0 : 100 * matchedWeight / totalWeight;
    }
}
