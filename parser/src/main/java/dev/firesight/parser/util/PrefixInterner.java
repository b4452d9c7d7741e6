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

    private int[] parents = new int[1024];
    private int[] elements = new int[1024];
    private int[] depths = new int[1024];
    /** The sequence id ending at each node, or -1. */
    private int[] sequenceOf = new int[1024];
    private int nodes = 1;
    private final IntList sequenceNodes = new IntList(256);
    /**
     * Open addressing over [(parent, element) + 1, node] pairs in one array, so a probe touches one
     * cache line rather than the node arrays; 0 marks an empty slot.
     */
    private long[] table = new long[2 * 2048];
    private int mask = 2047;
    /** The previous sequence and its nodes, see {@link #intern}. */
    private int[] lastElements = new int[64];
    private int[] lastNodes = new int[64];
    private int lastLength;

    public PrefixInterner() {
        parents[ROOT] = -1;
        elements[ROOT] = -1;
        sequenceOf[ROOT] = -1;
    }

    /** Returns the sequence id of {@code seq[0..length)}, adding it when new. */
    public int intern(int[] seq, int length) {
        // Sequences arrive in pool order, where neighbours share long prefixes: reuse the previous
        // sequence's nodes as far as it agrees, and look up only the rest.
        if (length > lastNodes.length) {
            lastElements = Arrays.copyOf(lastElements, length * 2);
            lastNodes = Arrays.copyOf(lastNodes, length * 2);
        }
        int i = 0;
        int node = ROOT;
        for (int limit = Math.min(length, lastLength); i < limit && lastElements[i] == seq[i]; i++) {
            node = lastNodes[i];
        }
        for (; i < length; i++) {
            node = child(node, seq[i]);
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
        int slot = slot(key);
        for (long k; (k = table[2 * slot]) != 0; slot = (slot + 1) & mask) {
            if (k == key) {
                return (int) table[2 * slot + 1];
            }
        }
        if (nodes == parents.length) {
            int n = IntList.grow(nodes);
            parents = Arrays.copyOf(parents, n);
            elements = Arrays.copyOf(elements, n);
            depths = Arrays.copyOf(depths, n);
            sequenceOf = Arrays.copyOf(sequenceOf, n);
        }
        int id = nodes++;
        parents[id] = parent;
        elements[id] = element;
        depths[id] = depths[parent] + 1;
        sequenceOf[id] = -1;
        table[2 * slot] = key;
        table[2 * slot + 1] = id;
        if (nodes * 2 > mask) {
            rehash();
        }
        return id;
    }

    /** Never 0, which marks an empty slot. */
    private static long key(int parent, int element) {
        return (((long) parent << 32) | (element & 0xFFFFFFFFL)) + 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = table.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = slot(old[i]);
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
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

    /** Approximate heap bytes held: four ints per node slot, the hash table and the sequences' nodes. */
    public long bytes() {
        return 16L * parents.length + 8L * table.length + 4L * sequenceNodes.size();
    }

    public int[] trimmedParents() {
        return Arrays.copyOf(parents, nodes);
    }

    public int[] trimmedElements() {
        return Arrays.copyOf(elements, nodes);
    }

    public int[] trimmedDepths() {
        return Arrays.copyOf(depths, nodes);
    }

    /** The node each sequence id ends at. */
    public int[] sequenceNodes() {
        return sequenceNodes.toArray();
    }
}
