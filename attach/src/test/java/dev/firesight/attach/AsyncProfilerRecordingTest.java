package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.attach.children.AllocatingChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Records real child JVMs with async-profiler and checks the recordings with the JDK's JFR parser. */
@Timeout(60)
class AsyncProfilerRecordingTest {
    private static final String HOT = AllocatingChild.class.getName() + ".hotAllocation";
    private static final String COLD = AllocatingChild.class.getName() + ".coldAllocation";
    private static final String SPIN = AllocatingChild.class.getName() + ".spin";

    @TempDir
    Path dir;

    @Test
    void recordsCpuAndAllocationsOfAJdk17Jvm() throws Exception {
        recordsCpuAndAllocations(ChildJvm.JDK17);
    }

    @Test
    void recordsCpuAndAllocationsOfAJdk21PlusJvm() throws Exception {
        assertTrue(ChildJvm.jdk25().isPresent(), "no JDK 21+ installed; the test suite needs one");
        recordsCpuAndAllocations(ChildJvm.jdk25().get());
    }

    private void recordsCpuAndAllocations(Path javaHome) throws Exception {
        try (ChildJvm child = ChildJvm.start(javaHome, AllocatingChild.class)) {
            RecordingRequest request = RecordingRequest.of(Set.of(ProfilingEvent.CPU, ProfilingEvent.ALLOC));
            RecordingSession session = TestRecorders.in(dir).record(child.pid(), request, Duration.ofSeconds(3));

            assertEquals(RecordingEngine.ASYNC_PROFILER, session.engine());
            Path file = session.file();
            assertTrue(file.startsWith(dir.resolve("recordings")), file.toString());
            assertTrue(file.getFileName().toString().startsWith("AllocatingChild-" + child.pid() + "-"), file.toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            RecordingFacts facts = RecordingFacts.read(file);
            System.out.printf("%s: %d bytes, %s%n", javaHome, Files.size(file), facts);
            assertEquals(HOT, facts.leadingAllocator(), facts.toString());
            long hot = facts.allocationBytesByTopMethod.get(HOT);
            long cold = facts.allocationBytesByTopMethod.getOrDefault(COLD, 0L);
            assertTrue(hot > 4 * cold, "hot " + hot + " vs cold " + cold);
            assertTrue(facts.cpuSamplesByMethodOnStack.getOrDefault(SPIN, 0L) > 10, facts.cpuSamplesByMethodOnStack.toString());
            String sampler = CpuSampler.fromRecording(file).orElseThrow();
            assertEquals(!sampler.equals("perf_events"),
                    session.messages().stream().anyMatch(m -> m.contains("sampled CPU with " + sampler)), sampler);
            boolean warnsAboutDynamicAgent = session.messages().stream().anyMatch(m -> m.contains("dynamically loaded agent"));
            assertEquals(javaHome != ChildJvm.JDK17, warnsAboutDynamicAgent, session.messages().toString());
        }
    }

    @Test
    void combinesEveryEventInOneRecording() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            RecordingRequest request = RecordingRequest.of(Set.of(ProfilingEvent.values()))
                    .withAllocInterval(128 * 1024).withOutput(dir.resolve("all.jfr"));
            RecordingSession session = TestRecorders.in(dir).record(child.pid(), request, Duration.ofSeconds(2));

            RecordingFacts facts = RecordingFacts.read(session.file());
            assertEquals(dir.resolve("all.jfr"), session.file());
            assertTrue(facts.count("jdk.ExecutionSample") > 0, facts.toString());
            assertTrue(facts.count("profiler.LiveObject") > 0, facts.toString());
        }
    }

    /** The memory-leak preset: live objects and native allocations with async-profiler. */
    @Test
    void theMemoryLeakPresetRecordsLiveObjectsAndNativeAllocations() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            RecordingRequest request = RecordingRequest.memoryLeak().withAllocInterval(64 * 1024);
            RecordingSession session = TestRecorders.in(dir).record(child.pid(), request, Duration.ofSeconds(2));
            assertEquals(RecordingEngine.ASYNC_PROFILER, session.engine());
            RecordingFacts facts = RecordingFacts.read(session.file());
            assertTrue(facts.count("profiler.LiveObject") > 0, facts.toString());
            assertTrue(facts.count("profiler.Malloc") > 0, facts.toString());
        }
    }

    @Test
    void dumpsSnapshotsWhileRecordingContinues() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class);
             RecordingSession session = TestRecorders.in(dir).start(child.pid(),
                     RecordingRequest.of(Set.of(ProfilingEvent.ALLOC)))) {
            List<Long> sizes = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Thread.sleep(1000);
                Path snapshot = dir.resolve("snapshot-" + i + ".jfr");
                sizes.add(session.dump(snapshot));
                assertEquals(HOT, RecordingFacts.read(snapshot).leadingAllocator());
            }
            RecordingStatus status = session.status();
            assertTrue(status.running(), status.text());
            session.stop();
            assertFalse(session.status().running());
            assertEquals(Files.size(session.file()), session.dump(dir.resolve("after-stop.jfr")));
            System.out.println("snapshot sizes " + sizes + ", final " + Files.size(session.file()));
            assertTrue(sizes.get(1) > sizes.get(0), sizes.toString());
            assertTrue(Files.size(session.file()) >= sizes.get(1));
        }
    }

    @Test
    @SuppressWarnings("try") // the dump works on its own thread; the try block only bounds its life
    void periodicDumpFeedsNewSnapshots() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class);
             RecordingSession session = TestRecorders.in(dir).start(child.pid(),
                     RecordingRequest.of(Set.of(ProfilingEvent.CPU)))) {
            List<Path> snapshots = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<AttachException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (PeriodicDump dump = PeriodicDump.start(session, Duration.ofMillis(500), dir.resolve("live"),
                    new PeriodicDump.Listener() {
                        @Override
                        public void dumped(Path snapshot, long bytes) {
                            snapshots.add(snapshot);
                        }

                        @Override
                        public void failed(AttachException e) {
                            failures.add(e);
                        }
                    })) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (snapshots.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            session.stop();
            assertTrue(failures.isEmpty(), failures.toString());
            assertTrue(snapshots.size() >= 2, snapshots.toString());
            assertTrue(RecordingFacts.read(snapshots.get(1)).count("jdk.ExecutionSample") > 0);
        }
    }

    @Test
    void refusesASecondRecordingInTheSameJvm() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            Recorder recorder = TestRecorders.in(dir);
            try (RecordingSession first = recorder.start(child.pid(), RecordingRequest.of(Set.of(ProfilingEvent.CPU)))) {
                RecordingRequest second = RecordingRequest.of(Set.of(ProfilingEvent.CPU))
                        .withEngine(EngineChoice.ASYNC_PROFILER);
                ProfilerAlreadyRunningException e = assertThrows(ProfilerAlreadyRunningException.class,
                        () -> recorder.start(child.pid(), second));
                assertTrue(e.getMessage().startsWith("async-profiler is already recording in JVM " + child.pid()),
                        e.getMessage());
                assertTrue(first.status().running());
            }
        }
    }
}
