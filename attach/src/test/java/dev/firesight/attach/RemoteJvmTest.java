package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.attach.RemoteJvmException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
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

/** Recording real child JVMs over JMX through their remote agents on 127.0.0.1, and every way that fails. */
@Timeout(180) // a hang guard only
class RemoteJvmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final RecordingRequest CPU = RecordingRequest.of(Set.of(ProfilingEvent.CPU));

    @TempDir
    Path dir;

    private RecordingsFolder recordings() {
        return new RecordingsFolder(dir.resolve("recordings"));
    }

    /**
     * Without authentication: lists the recording the JVM started itself, downloads it, and records with the JDK's
     * remote recording stream (the target is JDK 17), each snapshot and the final file checked with the JDK's parser.
     */
    @Test
    void recordsAJvmWithoutAuthenticationThroughTheRemoteRecordingStream() throws Exception {
        int port = JmxChildren.freePort();
        try (ChildJvm child = JmxChildren.withoutAuthentication(port, "-XX:StartFlightRecording:name=boot");
             RemoteJvm jvm = RemoteJvm.connect(JmxTarget.plain(JmxAddress.parse("127.0.0.1:" + port)), TIMEOUT,
                     recordings())) {
            assertEquals(child.pid(), jvm.pid());
            assertEquals(17, jvm.javaFeature());
            assertTrue(jvm.application().contains("AllocatingChild"), jvm.application());
            RemoteRecording boot = jvm.recordings().stream().filter(r -> r.name().equals("boot")).findFirst()
                    .orElseThrow(() -> new AssertionError("the JVM's own recording is listed"));
            assertTrue(boot.running());

            Thread.sleep(1500);
            Path downloaded = dir.resolve("boot.jfr");
            assertEquals(downloaded, jvm.download(boot.id(), java.util.Optional.of(downloaded)));
            assertTrue(RecordingFacts.read(downloaded).count("jdk.ExecutionSample") > 0, "the download has samples");
            assertTrue(jvm.recordings().stream().anyMatch(r -> r.id() == boot.id() && r.running()),
                    "downloading leaves the recording running");

            try (RemoteSession session = jvm.start(CPU, RemoteStreaming.AUTOMATIC)) {
                assertTrue(session.streaming());
                assertTrue(session.file().startsWith(recordings().path()), session.file().toString());
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(session.file())));
                assertTrue(session.status().running());
                Thread.sleep(3000); // past a flush or two: the stream reads the target's data in pieces
                Path snapshot = dir.resolve("snapshot-1.jfr");
                session.dump(snapshot);
                RecordingFacts first = RecordingFacts.read(snapshot);
                assertTrue(first.count("jdk.ExecutionSample") > 0, first.toString());
                Thread.sleep(3000);
                Path file = session.stop();
                RecordingFacts last = RecordingFacts.read(file);
                System.out.printf("remote stream: %d bytes, %d CPU samples (snapshot %d)%n", Files.size(file),
                        last.count("jdk.ExecutionSample"), first.count("jdk.ExecutionSample"));
                assertTrue(last.count("jdk.ExecutionSample") > first.count("jdk.ExecutionSample"),
                        "the final file holds what the snapshot held and more");
                assertEquals(earliest(snapshot, "jdk.ExecutionSample"), earliest(file, "jdk.ExecutionSample"),
                        "no chunk is dropped: the final file starts where the snapshot did");
                assertTrue(last.cpuSamplesByMethodOnStack.getOrDefault(
                        "dev.firesight.attach.children.AllocatingChild.spin", 0L) > 0, last.toString());
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
    }

    /**
     * Ranged reads (what JDK 11 to 16 targets get): each refresh appends only new chunks, the memory-leak preset
     * brings old object samples, and stopping closes the target's copy.
     */
    @Test
    void recordsTheMemoryLeakPresetByRangedReads() throws Exception {
        int port = JmxChildren.freePort();
        try (ChildJvm child = JmxChildren.withoutAuthentication(port);
             RemoteJvm jvm = RemoteJvm.connect(JmxTarget.plain(JmxAddress.parse("localhost:" + port)), TIMEOUT,
                     recordings())) {
            List<Long> ids = new ArrayList<>();
            try (RemoteSession session = jvm.start(RecordingRequest.memoryLeak(), RemoteStreaming.RANGED_READS)) {
                assertFalse(session.streaming());
                assertTrue(session.messages().stream().anyMatch(m -> m.contains("cannot record native allocations")));
                jvm.recordings().stream().filter(RemoteRecording::running).forEach(r -> ids.add(r.id()));
                assertEquals(1, ids.size(), "the new recording is listed");
                Thread.sleep(1500);
                long one = session.dump(dir.resolve("snapshot-1.jfr"));
                Thread.sleep(1500);
                long two = session.dump(dir.resolve("snapshot-2.jfr"));
                assertTrue(two > one, "the second refresh appended chunks: " + one + " then " + two);
                assertEquals(2, chunks(dir.resolve("snapshot-2.jfr")) - chunks(dir.resolve("snapshot-1.jfr")) + 1,
                        "one new chunk per refresh, none twice");
                Path file = session.stop();
                RecordingFacts facts = RecordingFacts.read(file);
                System.out.printf("ranged reads: %d bytes, %s%n", Files.size(file), facts.eventCounts);
                assertTrue(facts.count("jdk.ObjectAllocationSample") > 0, facts.toString());
                assertTrue(facts.count("jdk.OldObjectSample") > 0, "the memory-leak preset's surviving objects");
            }
            assertTrue(jvm.recordings().stream().noneMatch(r -> ids.contains(r.id())),
                    "the target's copy is closed once it is here");
        }
    }

    private static java.time.Instant earliest(Path file, String type) throws IOException {
        return jdk.jfr.consumer.RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(type)).map(jdk.jfr.consumer.RecordedEvent::getStartTime)
                .min(java.util.Comparator.naturalOrder()).orElseThrow();
    }

    private static int chunks(Path file) throws IOException {
        int n = 0;
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(16);
            for (long position = 0; position < in.size(); n++) {
                header.clear();
                in.read(header, position);
                position += header.getLong(8);
            }
        }
        return n;
    }

    @Test
    void recordsWithAPasswordAndRefusesAWrongOneOrTlsTheAgentLacks() throws Exception {
        int port = JmxChildren.freePort();
        JmxAddress address = JmxAddress.parse("127.0.0.1:" + port);
        try (ChildJvm child = JmxChildren.withPassword(port, "s3cret-pw", dir)) {
            RemoteJvmException wrong = assertThrows(RemoteJvmException.class, () -> RemoteJvm.connect(
                    JmxTarget.of(address, JmxChildren.USER, "wrong".toCharArray(), false), TIMEOUT, recordings()));
            assertEquals(Kind.AUTHENTICATION, wrong.kind());
            assertEquals("The JMX agent at " + address + " refused the user name or password; check both (they are in"
                    + " the JVM's jmxremote.password file).", wrong.getMessage());

            RemoteJvmException tls = assertThrows(RemoteJvmException.class, () -> RemoteJvm.connect(
                    JmxTarget.of(address, JmxChildren.USER, "s3cret-pw".toCharArray(), true), TIMEOUT, recordings()));
            assertEquals(Kind.TLS, tls.kind(), tls.getMessage());
            assertEquals("The JMX agent at " + address + " does not use TLS; untick TLS, or start the JVM with"
                    + " -Dcom.sun.management.jmxremote.ssl=true.", tls.getMessage());

            RemoteJvmException none = assertThrows(RemoteJvmException.class,
                    () -> RemoteJvm.connect(JmxTarget.plain(address), TIMEOUT, recordings()));
            assertEquals(Kind.AUTHENTICATION, none.kind());
            assertTrue(none.getMessage().contains("requires a user name and password"), none.getMessage());

            try (RemoteJvm jvm = RemoteJvm.connect(JmxTarget.of(address, JmxChildren.USER, "s3cret-pw".toCharArray(),
                    false), TIMEOUT, recordings());
                 RemoteSession session = jvm.start(CPU, RemoteStreaming.AUTOMATIC)) {
                Thread.sleep(1500);
                Path file = session.stop();
                assertTrue(RecordingFacts.read(file).count("jdk.ExecutionSample") > 0);
            }
        }
    }

    /** A port where something accepts but never speaks JMX fails within the time limit, with a sentence. */
    @Test
    void aPortThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            JmxAddress address = new JmxAddress("127.0.0.1", silent.getLocalPort());
            AttachTimeoutException e = assertThrows(AttachTimeoutException.class, () -> RemoteJvm.connect(
                    JmxTarget.plain(address), Duration.ofSeconds(3), recordings()));
            assertTrue(e.getMessage().startsWith("The JMX agent at " + address + " did not answer within 3 s;"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void aClosedPortSaysToForwardIt() throws Exception {
        int port = JmxChildren.freePort();
        RemoteJvmException e = assertThrows(RemoteJvmException.class, () -> RemoteJvm.connect(
                JmxTarget.plain(new JmxAddress("localhost", port)), TIMEOUT, recordings()));
        assertEquals(Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("Nothing accepts connections at localhost:" + port + "; is the port"
                + " forwarded (kubectl port-forward pod/NAME " + port + ":" + port), e.getMessage());
    }

    /** A port that answers with something else than JMX (here an HTTP-like line) is named as such. */
    @Test
    void aPortThatSpeaksAnotherProtocolIsNotJmx() throws Exception {
        try (ServerSocket other = new ServerSocket(0)) {
            Thread server = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket s = other.accept()) {
                            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                        }
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            server.setDaemon(true);
            server.start();
            RemoteJvmException e = assertThrows(RemoteJvmException.class, () -> RemoteJvm.connect(
                    JmxTarget.plain(new JmxAddress("127.0.0.1", other.getLocalPort())), TIMEOUT, recordings()));
            assertEquals(Kind.NOT_JMX, e.kind(), e.getMessage());
        }
    }

    /** The target is killed while recording: what was received stays in a file that opens, and a sentence says so. */
    @Test
    void aTargetThatDiesMidStreamKeepsWhatWasReceived() throws Exception {
        for (RemoteStreaming streaming : RemoteStreaming.values()) {
            int port = JmxChildren.freePort();
            ChildJvm child = JmxChildren.withoutAuthentication(port);
            try (RemoteJvm jvm = RemoteJvm.connect(JmxTarget.plain(new JmxAddress("127.0.0.1", port)), TIMEOUT,
                    recordings());
                 RemoteSession session = jvm.start(CPU, streaming)) {
                Thread.sleep(1500);
                session.dump(dir.resolve(streaming + "-snapshot.jfr"));
                child.close(); // SIGKILL
                assertThrows(TargetGoneException.class, () -> session.dump(dir.resolve(streaming + "-late.jfr")));
                TargetGoneException e = assertThrows(TargetGoneException.class, session::stop);
                assertEquals("The JVM at 127.0.0.1:" + port + " stopped answering during the recording (it exited,"
                        + " or the forwarded port closed); what was received until then is kept in " + session.file()
                        + ".", e.getMessage());
                RecordingFacts facts = RecordingFacts.read(session.file());
                assertTrue(facts.count("jdk.ExecutionSample") > 0, streaming + ": " + facts);
            } finally {
                child.close();
            }
        }
    }
}
