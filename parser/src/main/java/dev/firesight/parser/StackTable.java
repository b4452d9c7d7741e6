package dev.firesight.parser;

import dev.firesight.parser.util.PrefixInterner;
import dev.firesight.parser.util.PrefixNodes;

/**
 * All distinct stacks of a profile, held as a prefix tree: one node per distinct prefix (its parent node
 * and its last frame id), and for each stack the node its path from the root ends at. Stacks share their
 * common prefixes, so this holds one node per distinct prefix rather than every frame of every stack.
 * Node {@link #ROOT} is the empty prefix and a child is always numbered after its parent, so a consumer can
 * map every node once, in id order, from its parent's result ({@link #parent}, {@link #nodeFrame}).
 */
public final class StackTable {
    /** The empty prefix, parent of every stack's first frame. */
    public static final int ROOT = PrefixInterner.ROOT;

    private final PrefixNodes nodes;
    private final int[] stackNodes;

    /** A table of the stacks the interner holds now; it shares their nodes, so it costs no copy of them. */
    public StackTable(PrefixInterner stacks) {
        this.nodes = stacks.nodes();
        this.stackNodes = stacks.sequenceNodes();
    }

    /**
     * Stack {@code i} is {@code pool[offsets[i] .. offsets[i] + lengths[i])}, root first. Two equal
     * sequences stay two stack ids that share one node.
     */
    public StackTable(int[] pool, int[] offsets, int[] lengths) {
        PrefixInterner interner = new PrefixInterner();
        this.stackNodes = new int[offsets.length];
        for (int s = 0; s < offsets.length; s++) {
            int node = ROOT;
            for (int i = 0; i < lengths[s]; i++) {
                node = interner.child(node, pool[offsets[s] + i]);
            }
            stackNodes[s] = node;
        }
        this.nodes = interner.nodes();
    }

    /** Distinct stacks: the ids samples refer to. */
    public int size() {
        return stackNodes.length;
    }

    /** Prefix nodes, the root included. */
    public int nodeCount() {
        return nodes.count();
    }

    /** Approximate heap bytes held. */
    public long bytes() {
        return nodes.bytes() + 4L * stackNodes.length;
    }

    /** The node a stack's path ends at (its leaf frame's node; {@link #ROOT} for an empty stack). */
    public int node(int stack) {
        return stackNodes[stack];
    }

    /** A node's parent, or -1 for the root. */
    public int parent(int node) {
        return nodes.parent(node);
    }

    /** The frame id a node adds to its parent's prefix (-1 for the root). */
    public int nodeFrame(int node) {
        return nodes.element(node);
    }

    /** How many frames a node's prefix has. */
    public int nodeDepth(int node) {
        return nodes.depth(node);
    }

    public int depth(int stack) {
        return nodes.depth(stackNodes[stack]);
    }

    /**
     * Frame {@code i} of a stack, counting from the root. It walks up from the leaf, so to read a whole
     * stack use {@link #frames(int, int[])} instead of calling this per frame.
     */
    public int frame(int stack, int i) {
        int node = stackNodes[stack];
        for (int up = nodes.depth(node) - 1 - i; up > 0; up--) {
            node = nodes.parent(node);
        }
        return nodes.element(node);
    }

    public int leaf(int stack) {
        return nodes.element(stackNodes[stack]);
    }

    public int[] frames(int stack) {
        int[] out = new int[depth(stack)];
        frames(stack, out);
        return out;
    }

    /** Writes a stack's frames root first into {@code into} (at least {@link #depth} long); returns the depth. */
    public int frames(int stack, int[] into) {
        int node = stackNodes[stack];
        int depth = nodes.depth(node);
        for (int i = depth - 1; i >= 0; i--) {
            into[i] = nodes.element(node);
            node = nodes.parent(node);
        }
        return depth;
    }
}
