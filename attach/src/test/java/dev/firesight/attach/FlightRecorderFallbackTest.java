package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.attach.children.AllocatingChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** When async-profiler cannot run, the JDK's own Flight Recorder records instead. */
@Timeout(60)
class FlightRecorderFallbackTest {
    private static final String HOT = AllocatingChild.class.getName() + ".hotAllocation";

    @TempDir
    Path dir;

    /** One child for both checks: starting the target's JMX agent is the slow part (seconds on JDK 25). */
    @Test
    void fallsBackToFlightRecorderWhereAsyncProfilerHasNoLibrary() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            RecordingSession session = TestRecorders.withoutAsyncProfiler(dir).record(child.pid(),
                    RecordingRequest.of(Set.of(ProfilingEvent.CPU, ProfilingEvent.ALLOC)), Duration.ofSeconds(3));

            assertEquals(RecordingEngine.FLIGHT_RECORDER, session.engine());
            assertTrue(session.messages().get(0).startsWith("async-profiler has no library for"),
                    session.messages().toString());
            RecordingFacts facts = RecordingFacts.read(session.file());
            System.out.printf("JFR fallback: %d bytes, %s%n", Files.size(session.file()), facts);
            assertEquals(HOT, facts.leadingAllocator(), facts.toString());
            assertTrue(facts.cpuSamplesByMethodOnStack.getOrDefault(AllocatingChild.class.getName() + ".spin", 0L) > 5,
                    facts.cpuSamplesByMethodOnStack.toString());

            dumpsSnapshotsAndReportsStatus(child);
        }
    }

    /** With the JDK's recorder, the memory-leak preset's live objects are old object samples with their holders. */
    @Test
    void theMemoryLeakPresetRecordsPathsToGcRoots() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            RecordingSession session = TestRecorders.in(dir).record(child.pid(),
                    RecordingRequest.memoryLeak().withEngine(EngineChoice.FLIGHT_RECORDER), Duration.ofSeconds(3));
            assertEquals(RecordingEngine.FLIGHT_RECORDER, session.engine());
            assertTrue(session.messages().stream().anyMatch(m -> m.contains("cannot record native allocations")),
                    session.messages().toString());
            long withHolder = 0;
            try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(session.file())) {
                while (file.hasMoreEvents()) {
                    jdk.jfr.consumer.RecordedEvent e = file.readEvent();
                    if (e.getEventType().getName().equals("jdk.OldObjectSample")
                            && ((jdk.jfr.consumer.RecordedObject) e.getValue("object")).getValue("referrer") != null) {
                        withHolder++;
                    }
                }
            }
            assertTrue(withHolder > 0, "old object samples name who holds them (path-to-gc-roots=true)");
            assertTrue(enabled(session.file(), "jdk.ObjectCountAfterGC"),
                    "live bytes per class, which growing classes read, are counted");
        }
    }

    /** True when the recording says the event was enabled (its jdk.ActiveSetting "enabled" is true). */
    private static boolean enabled(java.nio.file.Path recording, String eventName) throws java.io.IOException {
        try (jdk.jfr.consumer.RecordingFile file = new jdk.jfr.consumer.RecordingFile(recording)) {
            long id = file.readEventTypes().stream().filter(t -> t.getName().equals(eventName))
                    .mapToLong(jdk.jfr.EventType::getId).findFirst().orElse(-1);
            boolean on = false;
            while (file.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveSetting") && e.getLong("id") == id
                        && "enabled".equals(e.getString("name"))) {
                    on = "true".equals(e.getString("value"));
                }
            }
            return on;
        }
    }

    private void dumpsSnapshotsAndReportsStatus(ChildJvm child) throws Exception {
        try (RecordingSession session = TestRecorders.in(dir).start(child.pid(),
                RecordingRequest.of(Set.of(ProfilingEvent.ALLOC)).withEngine(EngineChoice.FLIGHT_RECORDER))) {
            Thread.sleep(1500);
            RecordingStatus status = session.status();
            assertTrue(status.running(), status.text());
            Path snapshot = dir.resolve("snapshot.jfr");
            long bytes = session.dump(snapshot);
            assertEquals(Files.size(snapshot), bytes);
            assertEquals(HOT, RecordingFacts.read(snapshot).leadingAllocator());
            session.stop();
            assertTrue(Files.size(session.file()) > 0);
        }
    }
}
