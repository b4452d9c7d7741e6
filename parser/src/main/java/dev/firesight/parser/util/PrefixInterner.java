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
    /** Open addressing on (parent, element): node ids, -1 when empty. */
    private int[] table = new int[2048];
    private int mask = 2047;

    public PrefixInterner() {
        Arrays.fill(table, -1);
        parents[ROOT] = -1;
        elements[ROOT] = -1;
        sequenceOf[ROOT] = -1;
    }

    /** Returns the sequence id of {@code seq[0..length)}, adding it when new. */
    public int intern(int[] seq, int length) {
        int node = ROOT;
        for (int i = 0; i < length; i++) {
            node = child(node, seq[i]);
        }
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
        int slot = hash(parent, element) & mask;
        for (int id; (id = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (parents[id] == parent && elements[id] == element) {
                return id;
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
        table[slot] = id;
        if (nodes * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        Arrays.fill(table, -1);
        for (int id = 1; id < nodes; id++) {
            int slot = hash(parents[id], elements[id]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    private static int hash(int parent, int element) {
        int h = parent * 0x9E3779B1 + element * 0x85EBCA6B;
        return h ^ (h >>> 15);
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
        return 16L * parents.length + 4L * table.length + 4L * sequenceNodes.size();
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
