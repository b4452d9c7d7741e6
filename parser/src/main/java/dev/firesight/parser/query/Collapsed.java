package dev.firesight.parser.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collapsed-stack format: one line per distinct stack, frames from root to leaf joined by
 * {@code ;}, a space, then the integer weight. Written from a call tree, so equal names merge exactly
 * as they do in the flame graph.
 *
 * <p>The format has no escapes, so a name holding the separator would split into two frames: a {@code ;}
 * in a name is written as {@code :} (as the FlameGraph project's stackcollapse scripts do) and a line
 * break as a space. Thread names and native library paths are where such names occur.
 */
public final class Collapsed {
    private Collapsed() {
    }

    public static void write(CallTree tree, Writer out) throws IOException {
        StringBuilder path = new StringBuilder();
        try {
            walk(tree, CallTree.ROOT, path, true, (stack, weight) -> {
                try {
                    out.write(stack);
                    out.write(' ');
                    out.write(Long.toString(weight));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A frame name as one field of a collapsed line. */
    public static String frame(String name) {
        if (name.indexOf(';') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        return name.replace(';', ':').replace('\n', ' ').replace('\r', ' ');
    }

    /** Frames root to leaf as the start of a collapsed line. */
    public static String path(String[] frames) {
        StringBuilder sb = new StringBuilder();
        for (String f : frames) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(frame(f));
        }
        return sb.toString();
    }

    /**
     * The same stacks as a map from stack to weight, for tests: frame names as they are (not escaped), joined
     * by {@code ;} as the reference readers join them.
     */
    public static Map<String, Long> toMap(CallTree tree) {
        Map<String, Long> map = new LinkedHashMap<>();
        walk(tree, CallTree.ROOT, new StringBuilder(), false, (stack, weight) -> map.merge(stack, weight, Long::sum));
        return map;
    }

    private interface Sink {
        void line(String stack, long weight);
    }

    private static void walk(CallTree tree, int root, StringBuilder path, boolean escape, Sink sink) {
        // Iterative depth-first walk: stacks can be thousands of frames deep.
        int[] stack = new int[Math.max(16, tree.maxDepth() + 2)];
        int[] lengths = new int[stack.length];
        int top = 0;
        stack[top] = root;
        lengths[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int length = lengths[top];
            path.setLength(length);
            if (node != CallTree.ROOT) {
                if (length > 0) {
                    path.append(';');
                }
                path.append(escape ? frame(tree.name(node)) : tree.name(node));
                if (tree.self(node) != 0) {
                    sink.line(path.toString(), tree.self(node));
                }
            }
            int childLength = path.length();
            int mark = top;
            for (int c = tree.firstChild(node); c != CallTree.NONE; c = tree.nextSibling(c)) {
                if (top == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, top * 2);
                    lengths = java.util.Arrays.copyOf(lengths, top * 2);
                }
                stack[top] = c;
                lengths[top++] = childLength;
            }
            reverse(stack, lengths, mark, top);
        }
    }

    private static void reverse(int[] stack, int[] lengths, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int s = stack[i];
            stack[i] = stack[j];
            stack[j] = s;
            int l = lengths[i];
            lengths[i] = lengths[j];
            lengths[j] = l;
        }
    }
}
