package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.firesight.attach.children.AllocatingChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each way an attach can fail ends in its own exception with a one-sentence message. */
@Timeout(60)
class FailureTest {
    private static final RecordingRequest CPU = RecordingRequest.of(Set.of(ProfilingEvent.CPU));

    @TempDir
    Path dir;

    @Test
    void pidThatDoesNotExist() throws Exception {
        Process gone = new ProcessBuilder(ChildJvm.JDK17.resolve("bin/java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(gone.waitFor(20, TimeUnit.SECONDS));
        TargetGoneException e = assertThrows(TargetGoneException.class,
                () -> TestRecorders.in(dir).start(gone.pid(), CPU));
        assertEquals("JVM " + gone.pid() + " is not running; choose a running JVM (the attach dialog and `firesight jvms` list them).", e.getMessage());
    }

    @Test
    void attachDisabled() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class, "-XX:+DisableAttachMechanism")) {
            AttachDisabledException e = assertThrows(AttachDisabledException.class,
                    () -> TestRecorders.in(dir).start(child.pid(), CPU));
            assertEquals("JVM " + child.pid() + " was started with -XX:+DisableAttachMechanism;"
                    + " restart it without that option to record it.", e.getMessage());

            LocalJvm listed = new JvmDiscovery(new Attacher(TestRecorders.TIMEOUT)).list().stream()
                    .filter(jvm -> jvm.pid() == child.pid()).findFirst().orElseThrow();
            assertFalse(listed.attachable());
            assertEquals(e.getMessage(), listed.problem());
        }
    }

    @Test
    void dynamicAgentLoadingRefused() throws Exception {
        assertTrue(ChildJvm.jdk25().isPresent(), "no JDK 21+ installed; the test suite needs one");
        try (ChildJvm child = ChildJvm.start(ChildJvm.jdk25().get(), AllocatingChild.class,
                "-XX:-EnableDynamicAgentLoading")) {
            AgentLoadingRefusedException e = assertThrows(AgentLoadingRefusedException.class,
                    () -> TestRecorders.in(dir).start(child.pid(), CPU.withEngine(EngineChoice.ASYNC_PROFILER)));
            assertEquals("JVM " + child.pid() + " refuses to load agents at run time (-XX:-EnableDynamicAgentLoading);"
                    + " restart it with -XX:+EnableDynamicAgentLoading to record it.", e.getMessage());

            RecordingSession fallback = TestRecorders.in(dir).record(child.pid(), CPU, Duration.ofSeconds(1));
            assertEquals(RecordingEngine.FLIGHT_RECORDER, fallback.engine());
            assertEquals("JVM " + child.pid() + " refuses to load agents at run time (-XX:-EnableDynamicAgentLoading),"
                    + " so the JDK's Flight Recorder records it instead of async-profiler.", fallback.messages().get(0));
            assertTrue(Files.size(fallback.file()) > 0);
        }
    }

    @Test
    void targetExitsMidRecordingKeepsThePartialFile() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            Recorder recorder = TestRecorders.in(dir);
            RecordingSession session = recorder.start(child.pid(), RecordingRequest.of(Set.of(ProfilingEvent.ALLOC)));
            try {
                Thread.sleep(1000);
                child.terminate();
                TargetGoneException e = assertThrows(TargetGoneException.class, session::stop);
                assertEquals("JVM " + child.pid() + " exited during the recording; what was recorded so far is kept in "
                        + session.file() + ".", e.getMessage());
                assertTrue(Files.size(session.file()) > 0);
                assertEquals(AllocatingChild.class.getName() + ".hotAllocation",
                        RecordingFacts.read(session.file()).leadingAllocator());
            } finally {
                session.close();
            }
        }
    }

    @Test
    void fixedDurationRecordingNoticesTheTargetExiting() throws Exception {
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            Path file = dir.resolve("fixed.jfr");
            Thread killer = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (!Files.exists(file) && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(500);
                    child.terminate();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            // Asked for ten minutes, the recording ends with the target: had the recorder not noticed, the call
            // would return only after the duration. That is no limit on speed, which a loaded machine could break.
            Duration asked = Duration.ofMinutes(10);
            long start = System.nanoTime();
            TargetGoneException e = assertThrows(TargetGoneException.class,
                    () -> TestRecorders.in(dir).record(child.pid(), CPU.withOutput(file), asked));
            killer.join();
            assertTrue(System.nanoTime() - start < asked.toNanos(), "returned before the recording's duration");
            assertTrue(e.getMessage().startsWith("JVM " + child.pid() + " exited during the recording;"), e.getMessage());
        }
    }

    @Test
    void processThatIsNotAJvmIsLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            NotAJvmException e = assertThrows(NotAJvmException.class,
                    () -> TestRecorders.in(dir).start(sleep.pid(), CPU));
            assertTrue(e.getMessage().startsWith("Process " + sleep.pid() + " is not a JVM"), e.getMessage());
            assertTrue(sleep.isAlive(), "attaching must not send SIGQUIT to a process that is not a JVM");
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void jvmOfAnotherUser() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root && Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run as nobody");
        try (ChildJvm child = ChildJvm.startAs(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups"), ChildJvm.JDK17, AllocatingChild.class)) {
            OtherUserException e = assertThrows(OtherUserException.class,
                    () -> TestRecorders.in(dir).start(child.pid(), CPU));
            assertTrue(e.getMessage().startsWith("JVM " + child.pid() + " belongs to user "), e.getMessage());
        }
    }

    @Test
    void frozenJvmTimesOut() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "needs /bin/kill to freeze a process");
        try (ChildJvm child = ChildJvm.start(ChildJvm.JDK17, AllocatingChild.class)) {
            signal("-STOP", child.pid());
            try {
                Recorder recorder = new Recorder(new Attacher(Duration.ofSeconds(1)), AsyncProfilerLibrary.forThisPlatform(
                        dir.resolve("cache")), new RecordingsFolder(dir.resolve("recordings")), dir.resolve("scratch"));
                // the timeout's own exception and sentence show the 1 s limit fired (the frozen JVM never answers)
                AttachTimeoutException e = assertThrows(AttachTimeoutException.class, () -> recorder.start(child.pid(), CPU));
                assertEquals("Attaching to JVM " + child.pid() + " took longer than 1 s; the JVM may be busy (for"
                        + " example in a long garbage collection), so try again.", e.getMessage());
            } finally {
                signal("-CONT", child.pid());
            }
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("/bin/kill", signal, Long.toString(pid)).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    @Test
    void callThatHangsTimesOut() {
        TimeLimit limit = new TimeLimit(Duration.ofMillis(200));
        AttachTimeoutException e = assertThrows(AttachTimeoutException.class, () -> limit.run("attaching to JVM 42", () -> {
            Thread.sleep(10_000);
            return null;
        }));
        assertEquals("Attaching to JVM 42 took longer than 200 ms; the JVM may be busy (for example in a long"
                + " garbage collection), so try again.", e.getMessage());
    }

    @Test
    void firesightDoesNotAttachToItself() {
        AttachException e = assertThrows(AttachException.class,
                () -> TestRecorders.in(dir).start(ProcessHandle.current().pid(), CPU));
        assertTrue(e.getMessage().contains("is Firesight itself"), e.getMessage());
    }
}
