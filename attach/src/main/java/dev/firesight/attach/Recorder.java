package dev.firesight.attach;

import com.sun.tools.attach.VirtualMachine;
import dev.firesight.files.OwnerOnly;
import dev.firesight.files.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Starts recordings in local JVMs: async-profiler where it can run, otherwise the JDK's Flight
 * Recorder. The session says which engine recorded and carries the reason for a fallback in its
 * messages.
 */
public final class Recorder {
    private final Attacher attacher;
    private final AsyncProfilerLibrary library;
    private final RecordingsFolder recordings;
    private final Path scratchRoot;

    public Recorder(Attacher attacher, AsyncProfilerLibrary library, RecordingsFolder recordings, Path scratchRoot) {
        this.attacher = attacher;
        this.library = library;
        this.recordings = recordings;
        this.scratchRoot = scratchRoot;
    }

    /** The standard folders: recordings under XDG_DATA_HOME, library and scratch under XDG_CACHE_HOME. */
    public static Recorder standard(Duration timeout) {
        return new Recorder(new Attacher(timeout), AsyncProfilerLibrary.forThisPlatform(), RecordingsFolder.standard(),
                UserFolders.cache().resolve("sessions"));
    }

    public RecordingsFolder recordings() {
        return recordings;
    }

    /** Attaches to {@code pid} and starts recording. The caller stops or closes the session. */
    public RecordingSession start(long pid, RecordingRequest request) throws AttachException {
        VirtualMachine vm = attacher.attach(pid);
        boolean started = false;
        try {
            Properties properties = attacher.timeLimit().run("reading system properties of JVM " + pid,
                    vm::getSystemProperties);
            int feature = JavaVersions.feature(properties.getProperty("java.version"));
            String application = JvmDiscovery.displayName(properties.getProperty("sun.java.command", ""));
            Path file = output(request, pid, application);
            try {
                RecordingSession session = startEngine(vm, pid, feature, file, request);
                started = true;
                return session;
            } finally {
                if (!started) {
                    deleteIfEmpty(file);
                }
            }
        } catch (AttachException e) {
            throw e;
        } catch (Exception e) {
            throw Attacher.failure(pid, e);
        } finally {
            if (!started) {
                Attacher.detachQuietly(vm);
            }
        }
    }

    /**
     * Records for a fixed time: starts, waits (noticing when the target exits) and stops.
     *
     * @return the stopped session, for its file, engine and messages
     */
    public RecordingSession record(long pid, RecordingRequest request, Duration duration) throws AttachException {
        RecordingSession session = start(pid, request);
        try {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                if (!Attacher.isAlive(pid)) {
                    session.stop();
                    throw new TargetGoneException("JVM " + pid + " exited during the recording; "
                            + (Files.exists(session.file()) ? "what was recorded so far is kept in " + session.file()
                            : "nothing had been written yet") + ".");
                }
                Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
            }
            session.stop();
            return session;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
            return session;
        } finally {
            session.close();
        }
    }

    private RecordingSession startEngine(VirtualMachine vm, long pid, int feature, Path file, RecordingRequest request)
            throws AttachException {
        List<String> notes = new ArrayList<>();
        if (request.engine() != EngineChoice.FLIGHT_RECORDER) {
            try {
                if (request.has(ProfilingEvent.LIVE) && feature > 0 && feature < 11) {
                    throw new LiveProfilingUnsupportedException("JVM " + pid + " runs Java " + feature
                            + ", too old for live-object profiling (async-profiler needs JDK 11 or later);"
                            + " record without 'live'.");
                }
                Path agent = library.extract();
                Path scratch = OwnerOnly.folder(scratchRoot.resolve(pid + "-" + System.nanoTime()));
                RecordingSession session = AsyncProfilerSession.start(vm, pid, agent, file, scratch, request,
                        attacher.timeLimit());
                if (feature >= 21) {
                    notes.add("JVM " + pid + " runs Java " + feature + ", which prints a warning about a"
                            + " dynamically loaded agent to its own output (unless started with"
                            + " -XX:+EnableDynamicAgentLoading); that is expected.");
                }
                return notes.isEmpty() ? session : new AnnotatedSession(session, notes);
            } catch (ProfilerUnavailableException e) {
                if (request.engine() == EngineChoice.ASYNC_PROFILER) {
                    throw e;
                }
                notes.add(e.getMessage());
            } catch (AgentLoadingRefusedException e) {
                // the JDK's Flight Recorder needs no agent, so it can still record such a JVM
                if (request.engine() == EngineChoice.ASYNC_PROFILER) {
                    throw e;
                }
                notes.add("JVM " + pid + " refuses to load agents at run time (-XX:-EnableDynamicAgentLoading),"
                        + " so the JDK's Flight Recorder records it instead of async-profiler.");
            } catch (IOException e) {
                throw new RecordingFailedException("Could not create a scratch folder in " + scratchRoot + " ("
                        + e.getMessage() + "); check that folder's permissions.", e);
            }
        }
        Path repository;
        try {
            repository = OwnerOnly.folder(scratchRoot.resolve("jfr-repository-" + pid));
        } catch (IOException e) {
            throw new RecordingFailedException("Could not create a private folder for the recording's chunks in "
                    + scratchRoot + " (" + e.getMessage() + "); check that folder's permissions.", e);
        }
        return FlightRecorderSession.start(vm, pid, file, repository, request, attacher.timeLimit(), notes);
    }

    private Path output(RecordingRequest request, long pid, String application) throws AttachException {
        Path file;
        try {
            if (request.output().isPresent()) {
                file = request.output().get().toAbsolutePath();
                Path parent = file.getParent();
                if (parent != null) {
                    OwnerOnly.folder(parent);
                }
            } else {
                file = recordings.newRecordingFile(LocalJvm.applicationName(application), pid, Instant.now());
            }
            if (!AgentArguments.acceptable(file)) {
                throw new RecordingFailedException("The output path " + file
                        + " contains a comma, which async-profiler cannot take; choose another file name.");
            }
            // Created owner-only here, before the target opens it: both engines write into the existing
            // file (keeping its permissions), so it is never readable by others, not even for a moment.
            OwnerOnly.freshFile(file);
        } catch (dev.firesight.files.CreationRefusedException e) {
            throw new RecordingFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not prepare the folder for the recording ("
                    + e.getMessage() + "); choose another output folder.", e);
        }
        return file;
    }

    private static void deleteIfEmpty(Path file) {
        try {
            if (Files.size(file) == 0) {
                Files.delete(file);
            }
        } catch (IOException ignored) {
            // nothing was created, or the target wrote into it: keep it
        }
    }
}
