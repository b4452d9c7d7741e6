package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * Interns int sequences (stacks of frame ids, root first) as paths in a prefix tree: one node per
 * distinct prefix, holding its parent node and its last element. Stacks share their common prefixes, so
 * the tree holds far fewer ints than the sequences laid end to end (a deep, varied async-profiler
 * recording: 19 million frame ids in the sequences), and a consumer can map each prefix node once
 * instead of walking every element of every sequence. Node {@link #ROOT} is the empty prefix; a child is
 * always numbered after its parent, so one pass in id order meets every parent before its children.
 *
 * <p>Each distinct whole sequence also gets a dense sequence id, in order of first appearance, which is
 * what samples refer to (a prefix that no sample ends at needs no id).
 */
public final class PrefixInterner {
    public static final int ROOT = 0;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final PrefixNodes nodes = new PrefixNodes();
    /** The sequence id of the nodes that whole sequences end at. */
    private final IntIntMap sequenceOf = new IntIntMap();
    private final IntList sequenceNodes = new IntList(256);
    /** Open addressing over node ids, -1 when empty, at most two thirds full; in pages like the nodes. */
    private IntPages table = new IntPages(2048, -1);
    private int mask = 2047;
    /**
     * A small direct-mapped cache of found children in front of the table. The callers' end of stacks
     * (thread entry, main loops) is shared by most stacks, and these few thousand nodes stay in the
     * processor's cache here, while a probe of the whole table misses it.
     */
    private static final int RECENT_BITS = 14;
    private final long[] recentKeys = new long[1 << RECENT_BITS];
    private final int[] recentNodes = new int[1 << RECENT_BITS];
    /** The previous sequence and its nodes, see {@link #intern}. */
    private int[] lastElements = new int[64];
    private int[] lastNodes = new int[64];
    private int lastLength;

    public PrefixInterner() {
        Arrays.fill(recentKeys, PrefixNodes.key(-1, -1)); // the root's key, never a child's
        nodes.add(-1, -1);
    }

    /** Returns the sequence id of {@code seq[0..length)}, adding it when new. */
    public int intern(int[] seq, int length) {
        return intern(seq, 0, length);
    }

    /** Returns the sequence id of {@code seq[from .. from + length)}, adding it when new. */
    public int intern(int[] seq, int from, int length) {
        // Consecutive sequences often share a prefix: reuse the previous one's nodes as far as it
        // agrees, and look up only the rest.
        if (length > lastNodes.length) {
            lastElements = Arrays.copyOf(lastElements, length * 2);
            lastNodes = Arrays.copyOf(lastNodes, length * 2);
        }
        int i = 0;
        int node = ROOT;
        for (int limit = Math.min(length, lastLength); i < limit && lastElements[i] == seq[from + i]; i++) {
            node = lastNodes[i];
        }
        int before = nodes.count();
        for (; i < length; i++) {
            int element = seq[from + i];
            // Below a node made just now there is nothing to find: only add.
            node = node >= before ? add(node, element, freeSlot(PrefixNodes.key(node, element))) : child(node, element);
            lastElements[i] = element;
            lastNodes[i] = node;
        }
        lastLength = length;
        int id = sequenceOf.get(node);
        if (id == IntIntMap.MISSING) {
            id = sequenceNodes.size();
            sequenceNodes.add(node);
            sequenceOf.put(node, id);
        }
        return id;
    }

    /** The node for {@code parent}'s prefix followed by {@code element}, added when new. */
    public int child(int parent, int element) {
        long key = PrefixNodes.key(parent, element);
        long h = key * GOLDEN;
        int recent = (int) (h >>> (64 - RECENT_BITS));
        if (recentKeys[recent] == key) {
            return recentNodes[recent];
        }
        int slot = (int) (h ^ (h >>> 32)) & mask;
        for (int id; (id = table.get(slot)) >= 0; slot = (slot + 1) & mask) {
            if (nodes.key(id) == key) {
                recentKeys[recent] = key;
                recentNodes[recent] = id;
                return id;
            }
        }
        return add(parent, element, slot);
    }

    /** The first empty slot for a key known to be absent. */
    private int freeSlot(long key) {
        int slot = slot(key);
        while (table.get(slot) >= 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int add(int parent, int element, int slot) {
        int id = nodes.add(parent, element);
        table.set(slot, id);
        if (nodes.count() * 3L > (mask + 1L) * 2L) {
            rehash();
        }
        return id;
    }

    private int slot(long key) {
        long h = key * GOLDEN;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        int length = (mask + 1) * 2;
        IntPages bigger = new IntPages(length, -1);
        mask = length - 1;
        for (int id = 1, n = nodes.count(); id < n; id++) {
            int slot = slot(nodes.key(id));
            while (bigger.get(slot) >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger.set(slot, id);
        }
        // Only now: the scan's thread reads bytes() while the stack thread interns (ConcurrentStacks)
        table = bigger;
    }

    /** Distinct whole sequences interned. */
    public int size() {
        return sequenceNodes.size();
    }

    /** Prefix nodes, the root included. */
    public int nodeCount() {
        return nodes.count();
    }

    /** Approximate heap bytes held: the nodes, the sequences' ids and nodes, the hash table. */
    public long bytes() {
        return nodes.bytes() + sequenceOf.bytes() + table.bytes() + 4L * sequenceNodes.size();
    }

    /** The prefix nodes so far, which later interning leaves as they are. */
    public PrefixNodes nodes() {
        return nodes.snapshot();
    }

    /** The node each sequence id ends at. */
    public int[] sequenceNodes() {
        return sequenceNodes.toArray();
    }
}
