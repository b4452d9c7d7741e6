package dev.firesight.attach;

import dev.firesight.attach.RemoteJvmException.Kind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import jdk.management.jfr.ConfigurationInfo;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

/**
 * A connection to a JVM on another machine (or in a container) through its JMX agent, the one started with
 * {@code -Dcom.sun.management.jmxremote.port=PORT}, and its JDK Flight Recorder through
 * {@link FlightRecorderMXBean}: list its recordings, start one with a preset, stop one, download one into
 * the recordings folder, and feed a live view while one runs ({@link RemoteSession}).
 *
 * <p>Every remote call runs within the time limit, so a port that accepts but never answers, or a target
 * that freezes, fails with a sentence instead of hanging. No JavaFX here.
 */
public final class RemoteJvm implements AutoCloseable {
    private static final String FLIGHT_RECORDER = "jdk.management.jfr:type=FlightRecorder";

    private final JmxTarget target;
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final FlightRecorderMXBean recorder;
    private final TimeLimit limit;
    private final RecordingsFolder recordings;
    private final long pid;
    private final String javaVersion;
    private final String application;

    private RemoteJvm(JmxTarget target, JMXConnector connector, MBeanServerConnection server,
            FlightRecorderMXBean recorder, TimeLimit limit, RecordingsFolder recordings, long pid, String javaVersion,
            String application) {
        this.target = target;
        this.connector = connector;
        this.server = server;
        this.recorder = recorder;
        this.limit = limit;
        this.recordings = recordings;
        this.pid = pid;
        this.javaVersion = javaVersion;
        this.application = application;
    }

    /**
     * Connects to {@code target} and checks that it has a Flight Recorder.
     *
     * @param timeout the longest one remote call may take; the connection as a whole gets twice that
     */
    public static RemoteJvm connect(JmxTarget target, Duration timeout, RecordingsFolder recordings)
            throws AttachException {
        TimeLimit limit = new TimeLimit(timeout);
        JMXConnector connector;
        try {
            connector = limit.run("connecting to " + target.address(), () -> open(target));
        } catch (AttachTimeoutException e) {
            throw JmxFailures.connectTimeout(target, limit, e);
        } catch (Exception e) {
            throw JmxFailures.connecting(target, e);
        }
        try {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            Map<String, String> properties = limit.run("reading the system properties of " + target.address(),
                    runtime::getSystemProperties);
            long pid = limit.run("reading the process id of " + target.address(), () -> pidOf(runtime));
            ObjectName name = new ObjectName(FLIGHT_RECORDER);
            if (!limit.run("looking for the Flight Recorder of " + target.address(), () -> server.isRegistered(name))) {
                throw new RemoteJvmException(Kind.NO_FLIGHT_RECORDER, "The JVM at " + target.address() + " (Java "
                        + properties.getOrDefault("java.version", "unknown") + ") has no Flight Recorder MBean; it"
                        + " needs JDK 11 or later (or 8u262 or later) with the jdk.management.jfr module.", null);
            }
            FlightRecorderMXBean recorder = JMX.newMXBeanProxy(server, name, FlightRecorderMXBean.class);
            return new RemoteJvm(target, connector, server, recorder, limit, recordings, pid,
                    properties.getOrDefault("java.version", ""),
                    JvmDiscovery.displayName(properties.getOrDefault("sun.java.command", "")));
        } catch (Exception e) {
            closeQuietly(connector);
            if (e instanceof AttachTimeoutException t) {
                throw JmxFailures.connectTimeout(target, limit, t);
            }
            throw JmxFailures.connecting(target, e);
        }
    }

    private static JMXConnector open(JmxTarget target) throws IOException {
        Map<String, Object> env = new HashMap<>();
        String[] credentials = target.credentials();
        if (credentials != null) {
            env.put(JMXConnector.CREDENTIALS, credentials);
        }
        if (target.tls()) {
            // the registry over TLS too (com.sun.management.jmxremote.registry.ssl=true), and a check that the
            // connector's own stub uses TLS: without it a plain agent would be used silently
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
            env.put("jmx.remote.x.check.stub", "true");
        }
        JMXServiceURL url = new JMXServiceURL(target.address().serviceUrl());
        try {
            return JMXConnectorFactory.connect(url, env);
        } catch (IOException e) {
            if (!target.tls() || JmxFailures.find(e, javax.net.ssl.SSLException.class) == null) {
                throw e;
            }
            // a TLS agent whose registry is plain (the JDK's default for registry.ssl): look it up without TLS;
            // the stub check above still insists on TLS for the connection itself
            env.remove("com.sun.jndi.rmi.factory.socket");
            try {
                return JMXConnectorFactory.connect(url, env);
            } catch (IOException plain) {
                // When the plain lookup cannot even read the registry, the registry did speak TLS and its
                // failure (such as a certificate not trusted here) is the one to report; when it got as far as
                // the connector (a refused stub, the connector's own TLS), that failure is.
                if (JmxFailures.find(plain, javax.net.ssl.SSLException.class) != null
                        || JmxFailures.find(plain, SecurityException.class) != null) {
                    throw plain;
                }
                e.addSuppressed(plain);
                throw e;
            }
        }
    }

    private static long pidOf(RuntimeMXBean runtime) {
        try {
            return runtime.getPid();
        } catch (RuntimeException e) {
            // Java 8 has no getPid(); its name is "pid@host"
            String name = runtime.getName();
            int at = name.indexOf('@');
            try {
                return Long.parseLong(at < 0 ? name : name.substring(0, at));
            } catch (NumberFormatException n) {
                return -1;
            }
        }
    }

    public JmxTarget target() {
        return target;
    }

    /** The target's process id (as the container sees it), or -1 when it does not say. */
    public long pid() {
        return pid;
    }

    public String javaVersion() {
        return javaVersion;
    }

    /** The feature release, e.g. 17; 0 when unknown. */
    public int javaFeature() {
        return JavaVersions.feature(javaVersion);
    }

    /** The main class or jar, as local JVMs are named. */
    public String application() {
        return application;
    }

    /** E.g. "JVM 1 (dev.Main, Java 17.0.15) at localhost:9091". */
    public String description() {
        return "JVM " + pid + " (" + (application.isEmpty() ? "" : application + ", ") + "Java " + javaVersion
                + ") at " + target.address();
    }

    public RecordingsFolder recordingsFolder() {
        return recordings;
    }

    /** The recordings the target holds, oldest first. */
    public List<RemoteRecording> recordings() throws AttachException {
        return call("listing the recordings", () -> recorder.getRecordings().stream().map(RemoteJvm::recording)
                .toList());
    }

    private static RemoteRecording recording(RecordingInfo r) {
        return new RemoteRecording(r.getId(), r.getName(), r.getState(),
                r.getStartTime() > 0 ? Optional.of(Instant.ofEpochMilli(r.getStartTime())) : Optional.empty(),
                r.getDuration() > 0 ? Optional.of(Duration.ofSeconds(r.getDuration())) : Optional.empty(),
                r.getSize());
    }

    /**
     * Starts a recording with the settings of the JDK's "profile" configuration, as local Flight Recorder
     * recordings do, and (for the memory-leak preset) paths to GC roots; the request's file or a new one in the
     * recordings folder receives it.
     */
    public RemoteSession start(RecordingRequest request, RemoteStreaming streaming) throws AttachException {
        Map<String, String> settings = settings(request);
        Path file = newFile(request.output());
        // its own connection, so the recording outlives this one (a dialog that lists and closes)
        RemoteJvm own = connect(target.copy(), limit.limit(), recordings);
        try {
            return RemoteSession.start(own, file, settings, request, streaming);
        } catch (AttachException | RuntimeException e) {
            own.close();
            deleteIfEmpty(file);
            throw e;
        }
    }

    /** The "profile" configuration's settings, with old object samples' paths to GC roots for live objects. */
    Map<String, String> settings(RecordingRequest request) throws AttachException {
        Map<String, String> settings = new HashMap<>(call("reading the recording configurations",
                () -> recorder.getConfigurations().stream().filter(c -> c.getName().equals("profile"))
                        .findFirst().map(ConfigurationInfo::getSettings).orElse(Map.of())));
        if (request.has(ProfilingEvent.LIVE)) {
            // what JFR.start path-to-gc-roots=true does: no time limit on the search for each sample's holder
            settings.put("jdk.OldObjectSample#enabled", "true");
            settings.put("jdk.OldObjectSample#cutoff", "infinity");
            settings.put(FlightRecorderSession.LIVE_BYTES_PER_CLASS, "true");
        }
        return settings;
    }

    /** Stops a running recording (one Firesight started or any other); its data stays on the target. */
    public void stop(long id) throws AttachException {
        call("stopping recording " + id, () -> recorder.stopRecording(id));
    }

    /**
     * Downloads recording {@code id} into {@code file} (replaced by a new owner-only file), or into a new file in
     * the recordings folder when empty; a running recording is copied as far as it got and keeps running.
     *
     * @return the file written
     */
    public Path download(long id, Optional<Path> file) throws AttachException {
        List<RemoteRecording> all = recordings();
        RemoteRecording recording = all.stream().filter(r -> r.id() == id).findFirst().orElseThrow(() ->
                new RemoteJvmException(Kind.FAILED, "The JVM at " + target.address() + " has no recording " + id
                        + "; list its recordings to see which it has.", null));
        Path target = newFile(file);
        new ChunkFeed(this, id, target).update(recording.running());
        return target;
    }

    /** A new file for a recording of this JVM, named like local ones: application, pid and time. */
    Path newFile(Optional<Path> output) throws AttachException {
        try {
            Path file = output.isPresent() ? output.get().toAbsolutePath()
                    : recordings.newRecordingFile(LocalJvm.applicationName(application), pid, Instant.now());
            if (file.getParent() != null) {
                dev.firesight.files.OwnerOnly.folder(file.getParent());
            }
            return dev.firesight.files.OwnerOnly.freshFile(file);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not prepare the file for the recording (" + e.getMessage()
                    + "); choose another output folder.", e);
        }
    }

    private static void deleteIfEmpty(Path file) {
        try {
            if (java.nio.file.Files.size(file) == 0) {
                java.nio.file.Files.delete(file);
            }
        } catch (IOException ignored) {
            // something was received: keep it
        }
    }

    FlightRecorderMXBean recorder() {
        return recorder;
    }

    MBeanServerConnection server() {
        return server;
    }

    /**
     * Runs one remote call within the time limit. A broken connection becomes {@link TargetGoneException}, a
     * refusal of the recorder a {@link RemoteJvmException}.
     */
    <T> T call(String what, TimeLimit.Call<T> call) throws AttachException {
        return call(what, call, true);
    }

    /** Like {@link #call}, never interrupting the call (see {@link TimeLimit#runToEnd}). */
    <T> T callToEnd(String what, TimeLimit.Call<T> call) throws AttachException {
        return call(what, call, false);
    }

    private <T> T call(String what, TimeLimit.Call<T> call, boolean interrupt) throws AttachException {
        try {
            return interrupt ? limit.run(what + " of " + target.address(), call)
                    : limit.runToEnd(what + " of " + target.address(), call);
        } catch (AttachTimeoutException e) {
            throw new AttachTimeoutException("The JVM at " + target.address() + " did not answer " + what
                    + " within " + limit.limit().toSeconds() + " s; it may be paused or overloaded, or the forwarded"
                    + " port stopped passing data.", e);
        } catch (AttachException e) {
            throw e;
        } catch (Exception e) {
            if (JmxFailures.connectionLost(e)) {
                throw new TargetGoneException("The JVM at " + target.address() + " stopped answering while "
                        + what + " (it exited, or the forwarded port closed).", e);
            }
            throw new RemoteJvmException(Kind.FAILED, "The Flight Recorder of the JVM at " + target.address()
                    + " refused " + what + ": " + Attacher.oneLine(JmxFailures.deepest(e).getMessage()) + ".", e);
        }
    }

    /** Closes the connection in the background, so a dead target cannot block the caller. */
    @Override
    public void close() {
        target.clearPassword();
        closeQuietly(connector);
    }

    static void closeQuietly(JMXConnector connector) {
        Thread thread = new Thread(() -> {
            try {
                connector.close();
            } catch (IOException | RuntimeException ignored) {
                // the target is gone: nothing left to release
            }
        }, "firesight-attach: close JMX");
        thread.setDaemon(true);
        thread.start();
    }
}
