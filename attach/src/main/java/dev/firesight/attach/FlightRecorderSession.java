package dev.firesight.attach;

import com.sun.tools.attach.VirtualMachine;
import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A recording made by the target's own JDK Flight Recorder, for when async-profiler cannot run.
 *
 * <p>It drives the same diagnostic commands as {@code jcmd PID JFR.start/JFR.dump/JFR.stop}, through
 * the public {@code com.sun.management:type=DiagnosticCommand} MBean: the attach connection starts the
 * target's local-only JMX agent ({@code VirtualMachine.startLocalManagementAgent}), and a JMX client
 * connects to it. Calling {@code HotSpotVirtualMachine.executeJCmd} directly would need
 * {@code --add-exports jdk.attach/sun.tools.attach} on the launcher, which a class-path app on JDK 17
 * cannot rely on; the JMX route needs no flags. The target keeps the local JMX agent running after
 * the recording (it cannot be stopped remotely); it only accepts connections from the same user.
 *
 * <p>While it records, the JDK keeps its chunks in a repository folder, by default a world-readable
 * {@code <time>_<pid>} folder in the system temp folder. The session moves the target's repository into
 * an owner-only folder of Firesight's first ({@code JFR.configure repositorypath=}), and the output file
 * and snapshots are created owner-only before the target writes into them, so no one else can read the
 * recording at any moment.
 */
final class FlightRecorderSession implements RecordingSession {
    private final VirtualMachine vm;
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final long pid;
    private final Path file;
    private final String name;
    private final TimeLimit timeLimit;
    private final List<String> messages = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private boolean stopped;

    private FlightRecorderSession(VirtualMachine vm, JMXConnector connector, long pid, Path file, String name,
            TimeLimit timeLimit) throws IOException {
        this.vm = vm;
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.pid = pid;
        this.file = file;
        this.name = name;
        this.timeLimit = timeLimit;
    }

    static FlightRecorderSession start(VirtualMachine vm, long pid, Path file, Path repository,
            RecordingRequest request, TimeLimit timeLimit, List<String> notes) throws AttachException {
        JMXConnector connector = null;
        try {
            String address = timeLimit.run("starting the management agent of JVM " + pid,
                    vm::startLocalManagementAgent);
            connector = timeLimit.run("connecting to the management agent of JVM " + pid,
                    () -> JMXConnectorFactory.connect(new JMXServiceURL(address)));
            String name = "firesight-" + file.getFileName();
            FlightRecorderSession session = new FlightRecorderSession(vm, connector, pid, file, name, timeLimit);
            session.messages.addAll(notes);
            session.messages.addAll(limitations(request));
            session.jcmd("jfrConfigure", "repositorypath=" + repository);
            // Paths to GC roots make old object samples say who holds each object, and live bytes per class show
            // which class grows: what leak hunting needs.
            List<String> arguments = new ArrayList<>(List.of("name=" + name, "settings=profile", "disk=true",
                    "dumponexit=true", "filename=" + file, "path-to-gc-roots=" + request.has(ProfilingEvent.LIVE)));
            if (request.has(ProfilingEvent.LIVE) && featureVersion(vm) >= 17) {
                arguments.add(LIVE_BYTES_PER_CLASS + "=true"); // JFR.start takes event settings since JDK 17
            }
            session.jcmd("jfrStart", arguments.toArray(new String[0]));
            return session;
        } catch (AttachException e) {
            closeQuietly(connector);
            throw e;
        } catch (Exception e) {
            closeQuietly(connector);
            throw Attacher.failure(pid, e);
        }
    }

    /** The setting that makes the JVM count live bytes per class after each collection that marks the whole heap. */
    static final String LIVE_BYTES_PER_CLASS = "jdk.ObjectCountAfterGC#enabled";

    /** The target's Java feature version (17 for 17.0.15), or 0 when it does not say. */
    private static int featureVersion(VirtualMachine vm) {
        try {
            return Runtime.Version.parse(vm.getSystemProperties().getProperty("java.version", "")).feature();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    /** What the JDK's Flight Recorder records differently from the request, one sentence each. */
    static List<String> limitations(RecordingRequest request) {
        List<String> notes = new ArrayList<>();
        if (request.has(ProfilingEvent.WALL)) {
            notes.add("The JDK's Flight Recorder has no wall-clock sampler, so this recording has no wall-clock"
                    + " view.");
        }
        if (request.has(ProfilingEvent.LIVE)) {
            notes.add("The JDK's Flight Recorder samples surviving objects (old object samples, with the chain of"
                    + " references that holds each) instead of async-profiler's live-object view.");
        }
        if (request.has(ProfilingEvent.NATIVEMEM)) {
            notes.add("The JDK's Flight Recorder cannot record native allocations; it records native memory by"
                    + " category where the JVM runs with -XX:NativeMemoryTracking=summary.");
        }
        return notes;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public RecordingEngine engine() {
        return RecordingEngine.FLIGHT_RECORDER;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized RecordingStatus status() throws AttachException {
        if (stopped) {
            return new RecordingStatus(false, Duration.ZERO, "Recording stopped");
        }
        String text = jcmd("jfrCheck", "name=" + name);
        String line = text.lines().filter(l -> l.contains(name)).findFirst().orElse(text).strip();
        boolean running = line.contains("(running)");
        Duration elapsed = running ? Duration.ofSeconds((System.nanoTime() - startNanos) / 1_000_000_000L) : Duration.ZERO;
        return new RecordingStatus(running, elapsed, Attacher.oneLine(line));
    }

    @Override
    public synchronized long dump(Path snapshot) throws AttachException {
        try {
            if (stopped) {
                return JfrChunks.copyComplete(file, snapshot);
            }
            OwnerOnly.newFile(snapshot);
            jcmd("jfrDump", "name=" + name, "filename=" + snapshot);
            return Files.size(snapshot);
        } catch (IOException e) {
            throw new RecordingFailedException("JVM " + pid + " did not write the snapshot " + snapshot
                    + "; check that the target JVM's user can write to that folder.", e);
        }
    }

    @Override
    public synchronized Path stop() throws AttachException {
        if (stopped) {
            return file;
        }
        try {
            jcmd("jfrStop", "name=" + name);
            stopped = true;
            return file;
        } finally {
            if (stopped || !Attacher.isAlive(pid)) {
                stopped = true;
                release();
            }
        }
    }

    @Override
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void close() {
        if (!stopped) {
            try {
                stop();
            } catch (AttachException ignored) {
                // dumponexit keeps the file if the target exits later
            }
        }
        release();
    }

    private void release() {
        closeQuietly(connector);
        Attacher.detachQuietly(vm);
    }

    /** Runs one diagnostic command ("jfrStart" is JFR.start) and returns its text output. */
    private String jcmd(String operation, String... arguments) throws AttachException {
        try {
            Object result = timeLimit.run(operation + " in JVM " + pid, () -> server.invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                    new Object[] {arguments}, new String[] {String[].class.getName()}));
            return result == null ? "" : result.toString();
        } catch (AttachException e) {
            throw e;
        } catch (MBeanException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RecordingFailedException("The JDK's Flight Recorder in JVM " + pid + " refused "
                    + operation + ": " + Attacher.oneLine(cause.getMessage()) + ".", e);
        } catch (Exception e) {
            if (Attacher.exitsWithin(pid, Attacher.EXIT_GRACE)) {
                String kept = Files.exists(file) ? "what was recorded so far is kept in " + file
                        : "the JVM may have written what it recorded to " + file + " on exit";
                throw new TargetGoneException("JVM " + pid + " exited during the recording; " + kept + ".", e);
            }
            String message = Attacher.oneLine(e.getMessage());
            if (message.toLowerCase(Locale.ROOT).contains("flight recorder")) {
                throw new RecordingFailedException("The JDK's Flight Recorder in JVM " + pid + " failed: " + message
                        + "; check that the JVM is JDK 11 or later.", e);
            }
            throw new RecordingFailedException("Talking to JVM " + pid + " failed during " + operation + " ("
                    + message + "); try again.", e);
        }
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector == null) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the target is gone
            }
        }, "firesight-attach: close JMX");
        thread.setDaemon(true);
        thread.start();
    }
}
