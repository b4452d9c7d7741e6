package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.HotMethods;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.NativeWorkload;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * async-profiler's native-memory recording of a JVM that leaks native memory beside memory it frees: the leak
 * view shows the leak and not the churn. ({@link ParserEquivalenceTest} checks both views stack for stack.)
 */
class NativeMemoryTest {

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theLeakViewShowsTheLeakAndNotTheChurn(int jdk) throws Exception {
        Profile profile = Recordings.open(TestRecordings.nativeMemory(jdk));
        Map<String, Long> allocations = stacks(profile, ViewKind.NATIVE_ALLOC);
        Map<String, Long> leaks = stacks(profile, ViewKind.NATIVE_LEAK);
        long churned = under(allocations, NativeWorkload.frame("churn"));
        long leaked = under(allocations, NativeWorkload.frame("leak"));
        assertTrue(churned > 3 * leaked && leaked > 0, "allocations: churn " + churned + ", leak " + leaked);
        // Every churned block was freed; what the JVM allocated for itself under churn() (a few KB of
        // interpreter and compiler bookkeeping) may stay.
        assertTrue(under(leaks, NativeWorkload.frame("churn")) < NativeWorkload.CHURN_BYTES,
                "no churned block is in the leak view: " + under(leaks, NativeWorkload.frame("churn")));
        long leakedAndKept = under(leaks, NativeWorkload.frame("leak"));
        // What leak() allocated in the recording's last moments may not have been matched against frees yet
        // (more of it on a busy machine), so the bar is half, not all.
        assertTrue(leakedAndKept > 0.5 * leaked, "the leak view holds most of what leak() kept: "
                + leakedAndKept + " of " + leaked);
        assertTrue(leakedAndKept > total(leaks) / 2, "and it is most of the leak view: " + leakedAndKept + " of "
                + total(leaks));
    }

    /**
     * Every native sample's leaf is async-profiler's allocator hook, so hot methods by self said "malloc_hook 100%".
     * The hook gives its self to its caller, the allocation site, and is not listed; no weight is lost.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void hotMethodsNameWhoAllocatedNotTheAllocatorHook(int jdk) throws Exception {
        Profile profile = Recordings.open(TestRecordings.nativeMemory(jdk));
        for (ViewKind view : List.of(ViewKind.NATIVE_ALLOC, ViewKind.NATIVE_LEAK)) {
            StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(view), () -> false);
            List<HotMethods.Method> methods = HotMethods.of(profile, weights);
            assertTrue(methods.stream().noneMatch(m -> m.name().endsWith("_hook")), view + ": " + methods.subList(0, 5));
            // the JVM's own threads' memory goes to who asked for it, not to the wrapper every allocation passes
            assertTrue(methods.stream().noneMatch(m -> m.self() > 0 && (m.name().equals("os::malloc")
                    || m.name().equals("AllocateHeap"))), view + ": " + HotMethods.topBySelf(methods, 5));
            assertEquals(weights.total(), methods.stream().mapToLong(HotMethods.Method::self).sum(),
                    view + ": every byte is some allocation site's self");
            // The most self is the Java method that asked for the memory (here Unsafe's, below leak() and churn()),
            // not the JVM's os::malloc under it.
            HotMethods.Method top = HotMethods.topBySelf(methods, 1).get(0);
            FrameTable frames = profile.frames();
            assertTrue(java.util.stream.IntStream.range(0, frames.size()).filter(f -> frames.nameId(f) == top.nameId())
                    .mapToObj(frames::kind).allMatch(k -> k == FrameKind.JIT || k == FrameKind.INTERPRETED
                            || k == FrameKind.C1 || k == FrameKind.INLINED), view + ": " + top);
            long leak = methods.stream().filter(m -> m.name().equals(NativeWorkload.frame("leak")))
                    .mapToLong(HotMethods.Method::total).sum();
            assertTrue(leak > 0, view + ": the leaking method is listed with what it allocated");
        }
    }

    private static Map<String, Long> stacks(Profile profile, ViewKind view) {
        assertTrue(profile.has(view), view + " is a view");
        return Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(view)));
    }

    private static long under(Map<String, Long> stacks, String frame) {
        return stacks.entrySet().stream().filter(e -> List.of(e.getKey().split(";")).contains(frame))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long total(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }
}
