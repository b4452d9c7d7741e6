package dev.firesight.parser.query;

import java.io.IOException;
import java.io.Writer;

/**
 * The collapsed diff: one line per stack in the union of both captures,
 * {@code frames base_weight target_weight}. Each weight column sums to its capture's total.
 */
public final class DiffCollapsed {
    private DiffCollapsed() {
    }

    public static void write(DiffTree tree, Writer out) throws IOException {
        int[] stack = new int[Math.max(16, tree.size())];
        int top = 0;
        stack[top++] = DiffTree.ROOT;
        while (top > 0) {
            int node = stack[--top];
            if (node != DiffTree.ROOT && (tree.baseSelf(node) != 0 || tree.targetSelf(node) != 0)) {
                out.write(Collapsed.path(tree.path(node)));
                out.write(' ');
                out.write(Long.toString(tree.baseSelf(node)));
                out.write(' ');
                out.write(Long.toString(tree.targetSelf(node)));
                out.write('\n');
            }
            int mark = top;
            for (int c = tree.firstChild(node); c != DiffTree.NONE; c = tree.nextSibling(c)) {
                stack[top++] = c;
            }
            for (int i = mark, j = top - 1; i < j; i++, j--) {
                int s = stack[i];
                stack[i] = stack[j];
                stack[j] = s;
            }
        }
    }
}
