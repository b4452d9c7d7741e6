package dev.firesight.parser.util;

/**
 * The nodes of a prefix tree: each node's parent, last element and depth, numbered from 0 in the order
 * they were added, in pages ({@link IntPages} says why). Nodes are written once and never changed, so a
 * {@link #snapshot} shares the pages with the tree that goes on growing: a partial profile's stacks cost
 * no copy of them.
 */
public final class PrefixNodes {
    /** Each node's (parent, element) as one long, so a lookup's compare touches one array. */
    private final LongPages keys;
    /** Each node's depth, worked out for the first {@link #depthsKnown} nodes only when a snapshot is taken. */
    private final IntPages depths;
    private int depthsKnown;
    private int count;

    PrefixNodes() {
        keys = new LongPages(1024);
        depths = new IntPages(1024, 0);
    }

    private PrefixNodes(LongPages keys, IntPages depths, int count) {
        this.keys = keys;
        this.depths = depths;
        this.count = count;
        this.depthsKnown = count;
    }

    static long key(int parent, int element) {
        return ((long) parent << 32) | (element & 0xFFFFFFFFL);
    }

    /** Adds a node below {@code parent} (-1 for the root, which has depth 0); returns its id. */
    int add(int parent, int element) {
        int id = count;
        if (id == keys.capacity()) {
            keys.ensure(id + 1);
        }
        keys.set(id, key(parent, element));
        count = id + 1;
        return id;
    }

    long key(int node) {
        return keys.get(node);
    }

    /** Nodes held. */
    public int count() {
        return count;
    }

    /** A node's parent, -1 for the root. */
    public int parent(int node) {
        return (int) (keys.get(node) >> 32);
    }

    /** A node's last element, -1 for the root. */
    public int element(int node) {
        return (int) keys.get(node);
    }

    /** How many elements a node's prefix has: 0 for the root. */
    public int depth(int node) {
        return depths.get(node);
    }

    /** The nodes so far, unchanged by nodes added later (they share the pages, see the class comment). */
    public PrefixNodes snapshot() {
        // In one pass in id order, after the lookups, which it would slow if kept up on every add
        depths.ensure(count);
        for (int n = depthsKnown; n < count; n++) {
            int parent = parent(n);
            depths.set(n, parent < 0 ? 0 : depths.get(parent) + 1);
        }
        depthsKnown = count;
        return new PrefixNodes(keys.snapshot(count), depths.snapshot(count), count);
    }

    /** Heap bytes of the pages: a key and a depth per node slot. */
    public long bytes() {
        return keys.bytes() + depths.bytes();
    }
}
