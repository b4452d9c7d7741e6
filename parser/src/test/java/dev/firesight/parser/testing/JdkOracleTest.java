package dev.firesight.parser.testing;

import static dev.firesight.parser.testing.Workload.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JDK oracle sees the workload's shape: the numbers a user would check first. */
class JdkOracleTest {
    private static final String BLOCKER = Workload.ParkBlocker.class.getName();
    private static final String PARK = "jdk.internal.misc.Unsafe.park";
    private static final String SYNC = "java.util.concurrent.locks.ReentrantLock$NonfairSync";

    @Test
    void jdk17CpuViewIsDominatedByBurnCpu() {
        assertCpuDominatedByBurnCpu(JdkOracle.view(TestRecordings.jdk17(), View.CPU));
    }

    @Test
    void asyncProfilerCpuViewIsDominatedByBurnCpu() {
        assertCpuDominatedByBurnCpu(JdkOracle.view(TestRecordings.asyncProfiler(), View.CPU));
    }

    @Test
    void jdk17AllocViewHasByteArraysUnderAllocateBuffersAndStringsUnderBuildStrings() {
        JdkOracle.Result result = JdkOracle.read(TestRecordings.jdk17());
        assertAllocShape(result.view(View.ALLOC));
        assertAllocShape(result.view(View.ALLOC_COUNT));
        assertEquals(result.view(View.ALLOC).eventCount(), result.view(View.ALLOC_COUNT).totalWeight());
    }

    @Test
    void asyncProfilerAllocAndLiveViewsHaveByteArraysUnderAllocateBuffers() {
        JdkOracle.Result result = JdkOracle.read(TestRecordings.asyncProfiler());
        CollapsedStacks alloc = result.view(View.ALLOC);
        assertTrue(alloc.weightOf(frame("allocateBuffers"), "byte[]") > alloc.totalWeight() / 2, alloc::toString);
        CollapsedStacks live = result.view(View.LIVE);
        assertTrue(live.weightOf(frame("allocateBuffers"), "byte[]") > 0, live::toString);
    }

    @Test
    void jdk17LockViewHasContendedMonitorAndBothKindsOfPark() {
        CollapsedStacks lock = JdkOracle.view(TestRecordings.jdk17(), View.LOCK);
        assertTrue(lock.weightOf(frame("contend"), "java.lang.Object") > 0, lock::toString);
        assertTrue(lock.weightOf(frame("parkAround"), BLOCKER) > 0, lock::toString);
        assertTrue(lock.weightOf(frame("parkAround"), PARK) > 0, "park without blocker has no class leaf");
        assertTrue(lock.weightOf(frame("contendLock"), SYNC) > 0, lock::toString);
        // two contenders, 5 ms each inside the monitor: one always waits, for about the whole run
        assertTrue(lock.weightOf(frame("contend"), "java.lang.Object") > 1_000_000_000L, lock::toString);
    }

    @Test
    void asyncProfilerLockAndWallViewsHaveTheContenders() {
        // (its lock view holds monitor contention and parks on java.util.concurrent locks only)
        JdkOracle.Result result = JdkOracle.read(TestRecordings.asyncProfiler());
        CollapsedStacks lock = result.view(View.LOCK);
        assertTrue(lock.weightOf(frame("contend"), "java.lang.Object") > 0, lock::toString);
        assertTrue(lock.weightOf(frame("contendLock"), SYNC) > 0, "ThreadPark on a j.u.c lock");
        CollapsedStacks wall = result.view(View.WALL);
        assertTrue(wall.totalOf(frame("contend")) > 0, wall::toString);
        assertTrue(wall.totalOf(frame("parkAround")) > 0, wall::toString);
        assertTrue(wall.totalOf(frame("burnCpu")) > 0, wall::toString);
    }

    @Test
    void eventsWithoutStackAreCountedApart() {
        JdkOracle.Result result = JdkOracle.read(TestRecordings.jdk17());
        long counted = result.view(View.CPU).eventCount() + result.eventsWithoutStack().getOrDefault(View.CPU, 0L);
        assertEquals(result.eventCounts().get("jdk.ExecutionSample"), counted);
    }

    @Test
    void classNamesAreConvertedLikeTheConverterPrintsThem() {
        assertEquals("byte[]", JdkOracle.className("[B"));
        assertEquals("int[][]", JdkOracle.className("[[I"));
        assertEquals("java.lang.String[]", JdkOracle.className("[Ljava.lang.String;"));
        assertEquals("java.lang.Object[]", JdkOracle.className("[Ljava/lang/Object;"));
        assertEquals("java.util.Map$Entry", JdkOracle.className("java/util/Map$Entry"));
        assertEquals("java.lang.String", JdkOracle.className("java.lang.String"));
        assertNull(JdkOracle.className((String) null));
    }

    private static void assertCpuDominatedByBurnCpu(CollapsedStacks cpu) {
        List<Map.Entry<String, Long>> top = cpu.top(3);
        assertTrue(top.stream().anyMatch(e -> e.getKey().contains(frame("burnCpu") + ";" + frame("computeHashes"))),
                () -> "top stacks: " + top);
        assertTrue(cpu.totalOf(frame("burnCpu")) > cpu.totalOf(frame("allocate")), cpu::toString);
        assertTrue(cpu.totalOf(frame("burnCpu")) > cpu.totalOf(frame("contend")), cpu::toString);
    }

    private static void assertAllocShape(CollapsedStacks alloc) {
        long buffers = alloc.weightOf(frame("allocateBuffers"), "byte[]");
        assertTrue(buffers > alloc.totalWeight() / 2, alloc::toString);
        assertTrue(alloc.weightOf(frame("buildStrings"), "java.lang.String") > 0
                || alloc.weightOf(frame("buildStrings"), "byte[]") > 0, alloc::toString);
    }
}
