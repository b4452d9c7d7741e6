package dev.firesight.parser;

import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.findings.Findings;
import dev.firesight.parser.findings.Thresholds;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.MemoryBudget;
import dev.firesight.parser.query.MemoryTrend;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas read as one recording keep their own heaps: a folder of a JVM that leaks and one that only
 * churns gives each JVM the series its own file gives, no heap reading of one among the other's, and a heap
 * growth finding for the leaking one alone, named.
 */
class JvmSeriesTest {
    @TempDir
    Path folder;

    @Test
    void eachJvmOfAFolderKeepsItsOwnSeries() throws Exception {
        Path leak = TestRecordings.memory("leak");
        Path churn = TestRecordings.memory("churn");
        Files.copy(leak, folder.resolve("replica-leak.jfr"));
        Files.copy(churn, folder.resolve("replica-churn.jfr"));
        Profile both = Recordings.open(folder);
        assertEquals(2, both.sources().count(), both.sources().names().toString());
        assertEquals(2, both.jvms().size());

        JvmSeries leaking = jvmOf(both, "replica-leak.jfr");
        JvmSeries churning = jvmOf(both, "replica-churn.jfr");
        assertSameSeries(Recordings.open(leak).jvms().get(0), leaking);
        assertSameSeries(Recordings.open(churn).jvms().get(0), churning);

        // Levels are each JVM's alone; pauses of either add up.
        assertNull(both.series().get(TimeSeries.Kind.HEAP_AFTER_GC), "no heap series of two heaps interleaved");
        assertNull(both.series().get(TimeSeries.Kind.MAX_HEAP));
        assertEquals(sum(leaking.get(TimeSeries.Kind.GC_PAUSE)) + sum(churning.get(TimeSeries.Kind.GC_PAUSE)),
                sum(both.series().get(TimeSeries.Kind.GC_PAUSE)), 1e-3);

        MemoryTrend leakTrend = MemoryTrend.liveHeap(leaking);
        assertTrue(leakTrend.growing(), leakTrend.sentence());
        assertFalse(MemoryTrend.liveHeap(churning).growing(), MemoryTrend.liveHeap(churning).sentence());
        List<Finding> growth = Findings.of(both, Thresholds.DEFAULTS).stream()
                .filter(f -> f.rule().equals("heap-growth")).toList();
        assertEquals(1, growth.size(), growth.toString());
        assertEquals("In " + leaking.name() + ": " + leakTrend.sentence(), growth.get(0).sentence());
        assertEquals(both.jvms().indexOf(leaking), growth.get(0).evidence().source(), "opening it shows that JVM");
        assertEquals(leaking.name(), MemoryBudget.of(leaking).jvm());
        assertEquals(leaking.name(), both.jvms().get(MemoryBudget.nearestLimit(both)).name(),
                "the JVM nearest running out is the leaking one, though both commit their whole heap");
    }

    /**
     * A GC pause of one replica is that JVM's: of two replicas recorded at the same time, the folder's spike list
     * has each JVM's pauses (no two merged), and the methods it blames for one are what that JVM's own threads
     * allocated before it, exactly as its file alone gives them, not what both JVMs allocated in those seconds.
     */
    @Test
    void eachPauseOfAFolderIsBlamedOnItsOwnJvm() throws Exception {
        Path replicas = TestRecordings.replicasAtOnce();
        Profile both = Recordings.open(replicas);
        assertEquals(2, both.jvms().size(), both.sources().names().toString());
        Spikes spikes = Spikes.find(both);
        int counted = 0;
        int differ = 0;
        AllocationSites all = AllocationSites.of(both);
        for (String file : List.of("pod-a.jfr", "pod-b.jfr")) {
            Profile alone = Recordings.open(replicas.resolve(file));
            int source = both.jvms().indexOf(jvmOf(both, file));
            List<Spikes.Pause> own = spikes.pauses().stream().filter(p -> p.source() == source).toList();
            assertEquals(Spikes.find(alone).pauses().stream().map(p -> p.timeNanos() + "/" + p.durationNanos()).toList(),
                    own.stream().map(p -> p.timeNanos() + "/" + p.durationNanos()).toList(), "the pauses of " + file);
            counted += own.size();
            AllocationSites sites = AllocationSites.of(alone);
            for (Spikes.Pause p : own) {
                if (p.topMethodsBefore().isEmpty()) {
                    continue;
                }
                List<String> mine = sites.top(ViewKind.ALLOC, AllocationSites.By.METHOD, p.lookbackFromNanos(),
                        p.timeNanos(), spikes.options().topMethods()).stream().map(t -> t.name() + " " + t.weight()).toList();
                assertEquals(mine, p.topMethodsBefore().stream().map(t -> t.name() + " " + t.weight()).toList(),
                        "what " + file + " allocated before its pause at " + p.timeNanos());
                List<String> bothJvms = all.top(ViewKind.ALLOC, AllocationSites.By.METHOD, p.lookbackFromNanos(),
                        p.timeNanos(), spikes.options().topMethods()).stream().map(t -> t.name() + " " + t.weight()).toList();
                if (!bothJvms.equals(mine)) {
                    differ++;
                }
            }
        }
        assertEquals(spikes.pauses().size(), counted, "every pause is one JVM's");
        assertTrue(differ > 0, "precondition: the replicas allocated in the same seconds, so what both allocated "
                + "before a pause is not what its own JVM did");
    }

    private static JvmSeries jvmOf(Profile p, String file) {
        List<JvmSeries> matching = p.jvms().stream().filter(j -> j.name().endsWith(" in " + file)).toList();
        assertEquals(1, matching.size(), file + " among " + p.sources().names());
        return matching.get(0);
    }

    private static void assertSameSeries(JvmSeries alone, JvmSeries inFolder) {
        assertFalse(alone.series().isEmpty(), "the file has series");
        assertEquals(alone.series().keySet(), inFolder.series().keySet(), inFolder.name());
        for (Map.Entry<TimeSeries.Kind, TimeSeries> e : alone.series().entrySet()) {
            TimeSeries a = e.getValue();
            TimeSeries b = inFolder.series().get(e.getKey());
            assertEquals(a.size(), b.size(), e.getKey() + " of " + inFolder.name());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.timeNanos(i), b.timeNanos(i), e.getKey() + " reading " + i);
                assertEquals(a.value(i), b.value(i), e.getKey() + " reading " + i);
            }
        }
        assertEquals(alone.liveBytesByClass().keySet(), inFolder.liveBytesByClass().keySet());
        alone.liveBytesByClass().forEach((cls, s) -> assertArrayEquals(values(s),
                values(inFolder.liveBytesByClass().get(cls)), cls));
    }

    private static double[] values(TimeSeries s) {
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.value(i);
        }
        return v;
    }

    private static double sum(TimeSeries s) {
        double total = 0;
        for (int i = 0; s != null && i < s.size(); i++) {
            total += s.value(i);
        }
        return total;
    }
}
