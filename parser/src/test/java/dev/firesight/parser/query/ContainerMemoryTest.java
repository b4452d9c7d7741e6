package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.testing.TestRecordings;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A JVM run under a memory limit, as in a container: the limit and the usage are read, and RSS meets the limit. */
class ContainerMemoryTest {

    @Test
    void theContainerLimitIsTheLimitTheResidentSetRunsInto() throws Exception {
        Profile profile = Recordings.open(TestRecordings.container());
        TimeSeries limit = profile.series().get(TimeSeries.Kind.CONTAINER_MEMORY_LIMIT);
        assertNotNull(limit, "the JVM saw its container limit");
        assertEquals(TestRecordings.CONTAINER_LIMIT_MB << 20, (long) limit.value(0));
        TimeSeries usage = profile.series().get(TimeSeries.Kind.CONTAINER_MEMORY_USAGE);
        assertNotNull(usage, "container memory usage was read");
        assertTrue(usage.size() >= 10 && usage.max() < limit.value(0), "usage stays under the limit: " + usage.max());
        TimeSeries rss = profile.series().get(TimeSeries.Kind.RESIDENT_SET_SIZE);
        assertNotNull(rss, "JDK 25 records its resident set size");
        MemoryTrend trend = MemoryTrend.residentSetSize(profile.jvms().get(0));
        assertEquals("the container limit", trend.limitName());
        assertEquals(TestRecordings.CONTAINER_LIMIT_MB << 20, (long) trend.limit());

        // The budget the window draws: the container limit applies, ahead of -Xmx and physical memory.
        MemoryBudget budget = MemoryBudget.of(profile.jvms().get(0));
        assertEquals(TimeSeries.Kind.CONTAINER_MEMORY_LIMIT, budget.limit().kind());
        assertTrue(budget.uses().stream().map(TimeSeries::kind).toList().containsAll(List.of(
                TimeSeries.Kind.CONTAINER_MEMORY_USAGE, TimeSeries.Kind.RESIDENT_SET_SIZE, TimeSeries.Kind.HEAP_USED)),
                budget.uses().toString());
    }
}
