package dev.firesight.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.query.CallTree;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.EveryChance;
import dev.firesight.parser.testing.ProfileAssertions;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partial profiles handed out while a recording loads are true subsets of the complete profile, and asking
 * for them leaves the complete profile exactly as a load without them gives it. Committed real recordings
 * keep it deterministic: async-profiler single-chunk recordings (pools at the end, so stacks met mid-chunk
 * need the pools read ahead), async-profiler and JDK multi-chunk ones, and JDK single-chunk ones.
 */
class PartialProfilesTest {
    private static final List<String> RECORDINGS = List.of(
            "public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz", // CPU and wall told apart by thread state
            "public/v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz.uncompressed.jfr",
            "public/v2.0-ap2.9-wall.jfr", // execution samples that its settings make wall-clock samples
            "public/v2.0-ap2.8.3-multichunk.jfr",
            "public/v2.0-jdk15-2chunks.jfr",
            "public/v2.1-jdk21.jfr",
            "golden/jdk17/workload-jdk17.jfr");

    private static Path resource(String name) {
        try {
            return Path.of(PartialProfilesTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    @Test
    void everyPartialProfileIsASubsetOfTheCompleteOne() throws Exception {
        int withPartials = 0;
        for (String name : RECORDINGS) {
            Path path = resource(name);
            EveryChance chances = new EveryChance();
            Profile complete = Recordings.open(path, LoadOptions.defaults(), chances);
            if (!chances.partials.isEmpty()) {
                withPartials++;
            }
            long previousBytes = -1;
            for (long[] read : chances.read) {
                assertTrue(read[0] >= previousBytes && read[0] <= read[1], name + " bytes read only grow");
                previousBytes = read[0];
            }
            // Call trees of every partial take long on a busy machine: about eight, spread over the load.
            int step = Math.max(1, chances.partials.size() / 8);
            for (int i = 0; i < chances.partials.size(); i += step) {
                Profile partial = chances.partials.get(i);
                String what = name + " partial " + i;
                assertTrue(complete.views().containsAll(partial.views()), what + " views " + partial.views());
                for (ViewKind view : partial.views()) {
                    Map<String, Long> partialWeights = weightsByStack(partial, view);
                    Map<String, Long> completeWeights = weightsByStack(complete, view);
                    partialWeights.forEach((stack, weight) -> {
                        Long all = completeWeights.get(stack);
                        assertTrue(all != null, what + " " + view.id() + ": stack not in the complete profile: " + stack);
                        assertTrue(weight <= all, what + " " + view.id() + ": " + weight + " > " + all + " for " + stack);
                    });
                    assertCallTreeWithin(partial, complete, view, what);
                }
            }
        }
        // A recording whose events fill less than one progress step (64 KB) and one chunk has no partial profile.
        assertTrue(withPartials >= RECORDINGS.size() - 2, "recordings that gave partial profiles: " + withPartials);
    }

    @Test
    void aSingleChunkAsyncProfilerRecordingShowsSamplesBeforeItsEnd() throws Exception {
        // async-profiler writes its stacks after all events: a partial profile with samples before the end of
        // the one chunk shows the pools were read ahead.
        Path path = resource("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz");
        EveryChance chances = new EveryChance();
        Profile complete = Recordings.open(path, LoadOptions.defaults(), chances);
        assertEquals(1, complete.info().chunkCount());
        long fewer = chances.partials.stream().filter(p -> p.has(ViewKind.CPU)
                && p.samples(ViewKind.CPU).sampleCount() > 0
                && p.samples(ViewKind.CPU).sampleCount() < complete.samples(ViewKind.CPU).sampleCount()).count();
        assertTrue(fewer >= 2, "partial profiles with some of the CPU samples: " + fewer);
        long[] counts = chances.partials.stream().filter(p -> p.has(ViewKind.CPU))
                .mapToLong(p -> p.samples(ViewKind.CPU).sampleCount()).toArray();
        for (int i = 1; i < counts.length; i++) {
            assertTrue(counts[i] >= counts[i - 1], "samples only grow: " + counts[i - 1] + " then " + counts[i]);
        }
    }

    @Test
    void theCompleteProfileIsExactlyALoadWithoutPartials() throws Exception {
        for (String name : RECORDINGS) {
            Path path = resource(name);
            Profile normal = Recordings.open(path, LoadOptions.defaults());
            Profile withPartials = Recordings.open(path, LoadOptions.defaults(), new EveryChance());
            ProfileAssertions.assertSameProfile(normal, withPartials, name);
        }
    }

    @Test
    void bucketedLoadsStayExactWithPartials() throws Exception {
        for (String name : List.of("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz", "golden/jdk17/workload-jdk17.jfr")) {
            Path path = resource(name);
            LoadOptions small = LoadOptions.defaults().withSampleBudget(20_000);
            Profile normal = Recordings.open(path, small);
            assertTrue(normal.resolutionNanos() > 0, name + " was read into buckets");
            EveryChance chances = new EveryChance();
            Profile withPartials = Recordings.open(path, small, chances);
            ProfileAssertions.assertSameProfile(normal, withPartials, name + " bucketed");
            for (Profile partial : chances.partials) {
                for (ViewKind view : partial.views()) {
                    Map<String, Long> all = weightsByStack(withPartials, view);
                    weightsByStack(partial, view).forEach((stack, weight) ->
                            assertTrue(all.getOrDefault(stack, 0L) >= weight, name + " bucketed " + stack));
                }
            }
        }
    }

    /** Each stack's weight in a view, the stack named by its frames (name, kind, line), root first. */
    private static Map<String, Long> weightsByStack(Profile p, ViewKind view) {
        Map<String, Long> weights = new HashMap<>();
        SampleTable t = p.samples(view);
        for (int i = 0; i < t.size(); i++) {
            weights.merge(stackKey(p, t.stack(i)), t.weight(i), Long::sum);
        }
        return weights;
    }

    private static String stackKey(Profile p, int stack) {
        StringBuilder key = new StringBuilder();
        for (int frame : p.stacks().frames(stack)) {
            key.append(p.frames().name(frame)).append('/').append(p.frames().kind(frame)).append(':')
                    .append(p.frames().line(frame)).append(';');
        }
        return key.toString();
    }

    /** Every node of the partial profile's call tree is in the complete one's, by its path, and weighs no more. */
    private static void assertCallTreeWithin(Profile partial, Profile complete, ViewKind view, String what) {
        CallTree small = partial.query(ProfileQuery.of(view)).callTree(() -> false);
        CallTree all = complete.query(ProfileQuery.of(view)).callTree(() -> false);
        Map<String, Integer> names = new HashMap<>();
        for (int n = 0; n < complete.frames().nameCount(); n++) {
            names.put(complete.frames().nameOf(n), n);
        }
        int[] inAll = new int[small.size()];
        inAll[CallTree.ROOT] = CallTree.ROOT;
        for (int node = 1; node < small.size(); node++) {
            int parent = inAll[small.parent(node)];
            Integer name = names.get(small.name(node));
            assertTrue(name != null, what + " " + view.id() + ": frame not in the complete profile: " + small.name(node));
            int match = all.child(parent, name);
            assertNotEquals(CallTree.NONE, match, what + " " + view.id() + ": call tree path not in the complete one: "
                    + String.join(" > ", small.path(node)));
            assertTrue(small.total(node) <= all.total(match), what + " " + view.id() + " " + small.name(node));
            inAll[node] = match;
        }
    }
}
