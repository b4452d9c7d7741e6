package dev.firesight.app.flame;

import dev.firesight.parser.query.CallTree;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frames of a call tree whose name contains a match of a pattern ({@link java.util.regex.Matcher#find}),
 * in left-to-right order, and their {@link SearchResult}. Each distinct name is tested once.
 */
public final class FlameSearch {
    private final CallTree tree;
    private final BitSet matched;
    private final int[] order;
    private final SearchResult result;

    private FlameSearch(CallTree tree, BitSet matched, int[] order, SearchResult result) {
        this.tree = tree;
        this.matched = matched;
        this.order = order;
        this.result = result;
    }

    public static FlameSearch run(CallTree tree, Pattern pattern) {
        if (tree == null || pattern == null) {
            return new FlameSearch(tree, new BitSet(), new int[0], SearchResult.NONE);
        }
        Map<Integer, Boolean> byName = new HashMap<>();
        BitSet matched = new BitSet(tree.size());
        int[] order = new int[16];
        int count = 0;
        long weight = 0;
        // Pre-order walk, left to right; `covered` marks being below a match, so its weight counts once.
        int[] stack = new int[64];
        boolean[] covered = new boolean[64];
        int top = 0;
        stack[top] = CallTree.ROOT;
        covered[top++] = false;
        while (top > 0) {
            top--;
            int node = stack[top];
            boolean under = covered[top];
            boolean hit = node != CallTree.ROOT
                    && byName.computeIfAbsent(tree.nameId(node), id -> pattern.matcher(tree.name(node)).find());
            if (hit) {
                matched.set(node);
                if (count == order.length) {
                    order = Arrays.copyOf(order, count * 2);
                }
                order[count++] = node;
                if (!under) {
                    weight += tree.total(node);
                }
            }
            int mark = top;
            for (int c = tree.firstChild(node); c != CallTree.NONE; c = tree.nextSibling(c)) {
                if (top == stack.length) {
                    stack = Arrays.copyOf(stack, top * 2);
                    covered = Arrays.copyOf(covered, top * 2);
                }
                stack[top] = c;
                covered[top++] = under || hit;
            }
            for (int i = mark, j = top - 1; i < j; i++, j--) {
                int s = stack[i];
                stack[i] = stack[j];
                stack[j] = s;
                boolean b = covered[i];
                covered[i] = covered[j];
                covered[j] = b;
            }
        }
        double percent = tree.total() == 0 ? 0 : 100.0 * weight / tree.total();
        return new FlameSearch(tree, matched, Arrays.copyOf(order, count), new SearchResult(weight, percent, count));
    }

    public CallTree tree() {
        return tree;
    }

    public boolean matches(int node) {
        return matched.get(node);
    }

    /** Matching nodes, left to right, parents before children. */
    public int[] matches() {
        return order.clone();
    }

    public int matchCount() {
        return order.length;
    }

    public int match(int i) {
        return order[i];
    }

    public SearchResult result() {
        return result;
    }
}
