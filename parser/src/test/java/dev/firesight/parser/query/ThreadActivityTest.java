package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each thread of the JDK 17 workload did over time, as the timeline's thread lanes show it. */
class ThreadActivityTest {
    @Test
    void theCpuThreadLeadsAndEveryBucketAddsUpToTheSamples() throws Exception {
        Profile profile = Recordings.open(TestRecordings.jdk17());
        long start = profile.info().startNanos();
        long end = profile.info().endNanos();
        ThreadActivity a = ThreadActivity.compute(profile, start, end, (end - start) / 50 + 1);

        assertEquals(Workload.CPU_THREAD, a.rows().get(0).name(), "the thread that burns CPU comes first");
        ThreadActivity.Row alloc = a.rows().stream().max((x, y) -> Long.compare(x.totalAlloc(), y.totalAlloc()))
                .orElseThrow();
        assertEquals(Workload.ALLOC_THREAD, alloc.name(), "the allocating thread allocated most");

        long cpu = 0;
        long bytes = 0;
        for (ThreadActivity.Row r : a.rows()) {
            long perBucket = 0;
            long allocPerBucket = 0;
            for (int b = 0; b < a.buckets(); b++) {
                perBucket += r.cpuSamples()[b];
                allocPerBucket += r.allocBytes()[b];
                assertTrue(r.cpuSamples()[b] <= a.maxCpu() && r.allocBytes()[b] <= a.maxAlloc());
            }
            assertEquals(r.totalCpu(), perBucket, r.name());
            assertEquals(r.totalAlloc(), allocPerBucket, r.name());
            assertTrue(r.totalCpu() > 0 || r.totalAlloc() > 0, "idle threads are left out");
            cpu += r.totalCpu();
            bytes += r.totalAlloc();
        }
        assertEquals(total(profile.samples(ViewKind.CPU)), cpu, "every CPU sample is in a lane");
        assertEquals(total(profile.samples(ViewKind.ALLOC)), bytes, "every allocated byte is in a lane");
    }

    private static long total(SampleTable t) {
        long sum = 0;
        for (int i = 0; i < t.size(); i++) {
            sum += t.weight(i);
        }
        return sum;
    }
}
