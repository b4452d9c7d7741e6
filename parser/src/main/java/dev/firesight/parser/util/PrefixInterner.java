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
    /** The root's key: no parent, no element. */
    private static final long ROOT_KEY = -1L;

    /**
     * Each node's (parent, element) as one long, so a lookup's compare touches one array; the node
     * arrays are split out only once reading ends ({@link #trimmedParents()}). Load-time memory is what
     * limits the heap a recording opens in, so a node costs 12 bytes here plus its hash slot.
     */
    private long[] keys = new long[1024];
    /** The sequence id ending at each node, or -1. */
    private int[] sequenceOf = new int[1024];
    private int nodes = 1;
    private final IntList sequenceNodes = new IntList(256);
    /** Open addressing over node ids, -1 when empty, at most two thirds full. */
    private int[] table = new int[2048];
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
        Arrays.fill(table, -1);
        Arrays.fill(recentKeys, ROOT_KEY);
        keys[ROOT] = ROOT_KEY;
        sequenceOf[ROOT] = -1;
    }

    /** Returns the sequence id of {@code seq[0..length)}, adding it when new. */
    public int intern(int[] seq, int length) {
        // Consecutive sequences often share a prefix: reuse the previous one's nodes as far as it
        // agrees, and look up only the rest.
        if (length > lastNodes.length) {
            lastElements = Arrays.copyOf(lastElements, length * 2);
            lastNodes = Arrays.copyOf(lastNodes, length * 2);
        }
        int i = 0;
        int node = ROOT;
        for (int limit = Math.min(length, lastLength); i < limit && lastElements[i] == seq[i]; i++) {
            node = lastNodes[i];
        }
        int before = nodes;
        for (; i < length; i++) {
            // Below a node made just now there is nothing to find: only add.
            node = node >= before ? add(node, seq[i], freeSlot(key(node, seq[i]))) : child(node, seq[i]);
            lastElements[i] = seq[i];
            lastNodes[i] = node;
        }
        lastLength = length;
        int id = sequenceOf[node];
        if (id < 0) {
            id = sequenceNodes.size();
            sequenceNodes.add(node);
            sequenceOf[node] = id;
        }
        return id;
    }

    /** The node for {@code parent}'s prefix followed by {@code element}, added when new. */
    public int child(int parent, int element) {
        long key = key(parent, element);
        long h = key * 0x9E3779B97F4A7C15L;
        int recent = (int) (h >>> (64 - RECENT_BITS));
        if (recentKeys[recent] == key) {
            return recentNodes[recent];
        }
        int slot = (int) (h ^ (h >>> 32)) & mask;
        for (int id; (id = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (keys[id] == key) {
                recentKeys[recent] = key;
                recentNodes[recent] = id;
                return id;
            }
        }
        return add(parent, element, slot);
    }

    private static long key(int parent, int element) {
        return ((long) parent << 32) | (element & 0xFFFFFFFFL);
    }

    /** The first empty slot for a key known to be absent. */
    private int freeSlot(long key) {
        int slot = slot(key);
        while (table[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int add(int parent, int element, int slot) {
        long key = key(parent, element);
        if (nodes == keys.length) {
            int n = IntList.grow(nodes);
            keys = Arrays.copyOf(keys, n);
            sequenceOf = Arrays.copyOf(sequenceOf, n);
        }
        int id = nodes++;
        keys[id] = key;
        sequenceOf[id] = -1;
        table[slot] = id;
        if (nodes * 3L > table.length * 2L) {
            rehash();
        }
        return id;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        Arrays.fill(table, -1);
        for (int id = 1; id < nodes; id++) {
            int slot = slot(keys[id]);
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    /** Distinct whole sequences interned. */
    public int size() {
        return sequenceNodes.size();
    }

    /** Prefix nodes, the root included. */
    public int nodeCount() {
        return nodes;
    }

    /** Approximate heap bytes held: a key and a sequence id per node slot, the hash table, the sequences' nodes. */
    public long bytes() {
        return 12L * keys.length + 4L * table.length + 4L * sequenceNodes.size();
    }

    /** Each node's parent, -1 for the root. */
    public int[] trimmedParents() {
        int[] out = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            out[n] = (int) (keys[n] >> 32);
        }
        return out;
    }

    /** Each node's last element, -1 for the root. */
    public int[] trimmedElements() {
        int[] out = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            out[n] = (int) keys[n];
        }
        return out;
    }

    /** Each node's depth, worked out from its parent's (parents come first). */
    public int[] trimmedDepths() {
        int[] out = new int[nodes];
        for (int n = 1; n < nodes; n++) {
            out[n] = out[(int) (keys[n] >> 32)] + 1;
        }
        return out;
    }

    /** The node each sequence id ends at. */
    public int[] sequenceNodes() {
        return sequenceNodes.toArray();
    }
}
