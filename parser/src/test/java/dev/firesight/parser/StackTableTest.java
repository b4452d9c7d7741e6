package dev.firesight.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stack table as a prefix tree, on real recordings: one node per distinct prefix and no more, every
 * way of reading a stack gives the same frames, and building it again from the frame sequences gives
 * the same stacks.
 */
class StackTableTest {

    @Test
    void jdkRecording() throws Exception {
        check(TestRecordings.jdk17());
    }

    @Test
    void asyncProfilerRecording() throws Exception {
        check(TestRecordings.asyncProfiler());
    }

    private static void check(Path file) throws Exception {
        StackTable stacks = Recordings.open(file).stacks();
        assertTrue(stacks.size() > 10, "stacks: " + stacks.size());
        Set<List<Integer>> prefixes = new HashSet<>();
        Set<Integer> leafNodes = new HashSet<>();
        long frames = 0;
        int[] buffer = new int[16];
        List<int[]> sequences = new ArrayList<>();
        for (int s = 0; s < stacks.size(); s++) {
            int[] whole = stacks.frames(s);
            sequences.add(whole);
            frames += whole.length;
            assertEquals(stacks.depth(s), whole.length);
            assertEquals(whole.length, stacks.nodeDepth(stacks.node(s)));
            if (buffer.length < whole.length) {
                buffer = new int[whole.length];
            }
            assertEquals(whole.length, stacks.frames(s, buffer));
            assertArrayEquals(whole, Arrays.copyOf(buffer, whole.length));
            for (int i = 0; i < whole.length; i++) {
                assertEquals(whole[i], stacks.frame(s, i));
            }
            if (whole.length > 0) {
                assertEquals(whole[whole.length - 1], stacks.leaf(s));
            }
            assertTrue(leafNodes.add(stacks.node(s)), "two stack ids for one sequence");
            List<Integer> prefix = new ArrayList<>();
            for (int f : whole) {
                prefix.add(f);
                prefixes.add(List.copyOf(prefix));
            }
        }
        // One node per distinct non-empty prefix, plus the root (the empty one).
        assertEquals(prefixes.size() + 1, stacks.nodeCount());
        assertTrue(stacks.nodeCount() < frames, stacks.nodeCount() + " nodes for " + frames + " frames");
        assertEquals(-1, stacks.parent(StackTable.ROOT));
        for (int n = 1; n < stacks.nodeCount(); n++) {
            int parent = stacks.parent(n);
            assertTrue(parent >= 0 && parent < n, "a parent is numbered before its child");
            assertEquals(stacks.nodeDepth(parent) + 1, stacks.nodeDepth(n));
        }

        int[] offsets = new int[sequences.size()];
        int[] lengths = new int[sequences.size()];
        int[] pool = new int[(int) frames];
        int at = 0;
        for (int s = 0; s < sequences.size(); s++) {
            offsets[s] = at;
            lengths[s] = sequences.get(s).length;
            System.arraycopy(sequences.get(s), 0, pool, at, lengths[s]);
            at += lengths[s];
        }
        StackTable rebuilt = new StackTable(pool, offsets, lengths);
        assertEquals(stacks.size(), rebuilt.size());
        assertEquals(stacks.nodeCount(), rebuilt.nodeCount());
        for (int s = 0; s < stacks.size(); s++) {
            assertArrayEquals(sequences.get(s), rebuilt.frames(s));
        }
    }
}
