package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The live reload's carry-over by name, between two real recordings of the same workload read separately
 * (as a live recording's snapshots are): ids differ, names and thread names carry over, missing ones drop.
 */
class NameMapTest {
    @Test
    void namesAndThreadsCarryOverByNameAndMissingOnesDrop() throws Exception {
        Profile from = Recordings.open(TestRecordings.jdk17());
        Profile to = Recordings.open(TestRecordings.multiChunk());
        NameMap map = new NameMap(from, to);

        int compute = nameId(from, Workload.frame("computeHashes"));
        int there = map.name(compute);
        assertEquals(Workload.frame("computeHashes"), to.frames().nameOf(there));
        assertEquals(-1, map.name(-1));
        assertEquals(-1, map.name(from.frames().nameCount()));

        int burn = nameId(from, Workload.frame("burnCpu"));
        assertArrayEquals(new int[] {map.name(burn), there}, map.path(new int[] {burn, compute}));
        assertArrayEquals(new int[0], map.path(null));

        // Another workload lacks the hashing methods: a zoom path stops at the first name it does not have.
        Profile other = Recordings.open(TestRecordings.halved(1.0));
        NameMap toOther = new NameMap(from, other);
        int run = nameId(from, "java.lang.Thread.run");
        assertEquals("java.lang.Thread.run", other.frames().nameOf(toOther.name(run)));
        assertEquals(-1, toOther.name(compute));
        assertArrayEquals(new int[] {toOther.name(run)}, toOther.path(new int[] {run, burn, compute}));

        int cpu = threadId(from, Workload.CPU_THREAD);
        BitSet ids = new BitSet();
        ids.set(cpu);
        BitSet moved = map.threads(ids);
        assertEquals(1, moved.cardinality());
        assertEquals(Workload.CPU_THREAD, to.threadName(moved.nextSetBit(0)));
        assertNull(map.threads(null), "all threads stay all threads");
        assertSame(ids, new NameMap(from, from).threads(ids), "an unchanged filter is the same set");
    }

    private static int nameId(Profile p, String name) {
        for (int i = 0; i < p.frames().nameCount(); i++) {
            if (p.frames().nameOf(i).equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in the recording");
    }

    private static int threadId(Profile p, String name) {
        for (int t = 0; t < p.threadCount(); t++) {
            if (name.equals(p.threadName(t))) {
                return t;
            }
        }
        throw new AssertionError("no thread " + name);
    }
}
