package dev.firesight.app.compare;

import dev.firesight.app.flame.model.CallFlameTree;
import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.HiddenClassNames;

import java.util.HashMap;
import java.util.Map;

/**
 * One side of a side-by-side comparison: the capture's own call tree, drawn as usual, with the frames
 * that exist only in this capture marked (hatched on the target side, outlined on the baseline side),
 * found by walking the call tree and the merged diff tree together by name.
 */
public final class SideFlameTree extends CallFlameTree {
    private final Mark[] marks;
    private final String title;

    public SideFlameTree(CallTree tree, DiffTree diff, boolean baseline, String title) {
        super(tree);
        this.title = title;
        marks = new Mark[tree.size()];
        Map<String, Integer> diffChildren = new HashMap<>(diff.size() * 2);
        for (int d = 1; d < diff.size(); d++) {
            diffChildren.put(diff.parent(d) + "\u0000" + diff.name(d), d);
        }
        int[] toDiff = new int[tree.size()];
        toDiff[CallTree.ROOT] = DiffTree.ROOT;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = CallTree.ROOT;
        while (top > 0) {
            int node = stack[--top];
            int d = toDiff[node];
            boolean only = d != DiffTree.NONE && node != CallTree.ROOT
                    && (baseline ? diff.vanished(d) : diff.added(d));
            marks[node] = only ? (baseline ? Mark.VANISHED : Mark.ADDED) : Mark.NONE;
            for (int c = tree.firstChild(node); c != CallTree.NONE; c = tree.nextSibling(c)) {
                Integer dc = d == DiffTree.NONE ? null
                        : diffChildren.get(d + "\u0000" + (tree.kind(c) == FrameKind.THREAD ? tree.name(c)
                        : HiddenClassNames.normalize(tree.name(c))));
                toDiff[c] = dc == null ? DiffTree.NONE : dc;
                if (top == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, top * 2);
                }
                stack[top++] = c;
            }
        }
    }

    @Override
    public Mark mark(int node) {
        return marks[node];
    }

    @Override
    public String title() {
        return title + " \u2014 " + super.title();
    }
}
