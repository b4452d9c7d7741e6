package dev.firesight.parser.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefixInternerTest {

    /**
     * Enough stacks for the nodes, the sequence ids and the hash table to pass several pages each (a page
     * holds 2^20): every sequence must read back whole through the nodes, equal sequences must share an
     * id, and the nodes a snapshot took early must read the same after the tree grew past them.
     */
    @Test
    void sequencesReadBackWholeAcrossPagesAndSnapshotsStayAsTaken() {
        Random random = new Random(7);
        PrefixInterner interner = new PrefixInterner();
        Map<List<Integer>, Integer> ids = new HashMap<>();
        List<int[]> sequences = new ArrayList<>();
        PrefixNodes early = null;
        int earlyCount = 0;
        long[] earlyKeys = null;
        for (int s = 0; s < 400_000; s++) {
            // A shared caller end, then a varied tail: like real stacks, and millions of distinct prefixes
            int[] seq = new int[4 + random.nextInt(12)];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = i < 2 ? i : random.nextInt(i < 4 ? 50 : 5_000);
            }
            if (s % 10 == 9) {
                seq = sequences.get(random.nextInt(sequences.size())); // met again
            }
            int id = interner.intern(seq, seq.length);
            Integer before = ids.putIfAbsent(toList(seq), id);
            assertEquals(before == null ? ids.size() - 1 : before, id, "id of sequence " + s);
            sequences.add(seq);
            if (s == 50_000) {
                early = interner.nodes();
                earlyCount = early.count();
                earlyKeys = new long[earlyCount];
                for (int n = 0; n < earlyCount; n++) {
                    earlyKeys[n] = PrefixNodes.key(early.parent(n), early.element(n));
                }
            }
        }
        PrefixNodes nodes = interner.nodes();
        assertTrue(nodes.count() > (1 << 20), nodes.count() + " nodes: too few to cross a page");
        int[] sequenceNodes = interner.sequenceNodes();
        assertEquals(ids.size(), sequenceNodes.length);
        for (Map.Entry<List<Integer>, Integer> e : ids.entrySet()) {
            assertArrayEquals(e.getKey().stream().mapToInt(Integer::intValue).toArray(),
                    readBack(nodes, sequenceNodes[e.getValue()]), "sequence " + e.getValue());
        }
        assertEquals(earlyCount, early.count());
        for (int n = 0; n < earlyCount; n++) {
            assertEquals(earlyKeys[n], PrefixNodes.key(early.parent(n), early.element(n)), "early node " + n);
            assertEquals(nodes.depth(n), early.depth(n), "depth of early node " + n);
        }
    }

    /**
     * A load's scan thread asks for the interner's size (the memory budget) while the stack thread interns
     * (ConcurrentStacks): through every growth of the table that must answer, never fail.
     */
    @Test
    void sizeCanBeAskedWhileAnotherThreadInterns() throws InterruptedException {
        PrefixInterner interner = new PrefixInterner();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread budget = new Thread(() -> {
            try {
                while (!done.get()) {
                    assertTrue(interner.bytes() > 0);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        budget.start();
        Random random = new Random(3);
        int[] seq = new int[12];
        for (int s = 0; s < 300_000; s++) {
            for (int i = 0; i < seq.length; i++) {
                seq[i] = random.nextInt(1_000);
            }
            interner.intern(seq, seq.length);
        }
        done.set(true);
        budget.join();
        assertEquals(null, failure.get());
    }

    private static int[] readBack(PrefixNodes nodes, int node) {
        int[] out = new int[nodes.depth(node)];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = nodes.element(node);
            node = nodes.parent(node);
        }
        assertEquals(-1, nodes.parent(node), "a path ends at the root");
        return out;
    }

    private static List<Integer> toList(int[] seq) {
        List<Integer> out = new ArrayList<>(seq.length);
        for (int v : seq) {
            out.add(v);
        }
        return out;
    }
}
