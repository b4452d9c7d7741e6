package dev.firesight.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording made by async-profiler inside the target. Every command is the agent library loaded
 * again with a new argument string ({@code VirtualMachine.loadAgentPath}); the JVM keeps one copy of
 * the library, so the commands reach the same profiler. Each command gets a {@code log=} file in a
 * private scratch folder, read back afterwards so the target's own words reach the user.
 */
final class AsyncProfilerSession implements RecordingSession {
    private static final Pattern RUNNING = Pattern.compile("Profiling is running for (\\d+) seconds");

    private final VirtualMachine vm;
    private final long pid;
    private final Path library;
    private final Path file;
    private final Path scratch;
    private final RecordingRequest request;
    private final TimeLimit timeLimit;
    private final List<String> messages = new ArrayList<>();
    private int commands;
    private boolean stopped;

    private AsyncProfilerSession(VirtualMachine vm, long pid, Path library, Path file, Path scratch,
            RecordingRequest request, TimeLimit timeLimit) {
        this.vm = vm;
        this.pid = pid;
        this.library = library;
        this.file = file;
        this.scratch = scratch;
        this.request = request;
        this.timeLimit = timeLimit;
    }

    /**
     * Starts async-profiler in the attached JVM. On failure the connection stays open for the caller
     * (who may fall back to another engine) and the scratch folder is removed.
     */
    static AsyncProfilerSession start(VirtualMachine vm, long pid, Path library, Path file, Path scratch,
            RecordingRequest request, TimeLimit timeLimit) throws AttachException {
        AsyncProfilerSession session = new AsyncProfilerSession(vm, pid, library, file, scratch, request, timeLimit);
        try {
            session.command("starting async-profiler", log -> AgentArguments.start(request, file, log));
        } catch (AttachException e) {
            session.removeScratch();
            throw e;
        }
        return session;
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public RecordingEngine engine() {
        return RecordingEngine.ASYNC_PROFILER;
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
        Path answer = scratch.resolve("status-" + commands + ".txt");
        try {
            OwnerOnly.newFile(answer);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not create " + answer + " (" + e.getMessage()
                    + "); check that folder's permissions.", e);
        }
        command("asking async-profiler for its status", log -> AgentArguments.status(answer, log));
        String text;
        try {
            text = Files.readString(answer, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(answer);
        } catch (IOException e) {
            text = "";
        }
        Matcher running = RUNNING.matcher(text);
        if (running.find()) {
            return new RecordingStatus(true, Duration.ofSeconds(Long.parseLong(running.group(1))), text);
        }
        return new RecordingStatus(false, Duration.ZERO, text.isEmpty() ? "Profiler is not active" : text);
    }

    @Override
    public synchronized long dump(Path snapshot) throws AttachException {
        if (!stopped) {
            command("dumping the recording", AgentArguments::dump);
        }
        try {
            return JfrChunks.copyComplete(file, snapshot);
        } catch (IOException e) {
            throw new RecordingFailedException("Could not copy the recording to " + snapshot + " ("
                    + e.getMessage() + "); check free disk space and that folder's permissions.", e);
        }
    }

    @Override
    public synchronized Path stop() throws AttachException {
        if (stopped) {
            return file;
        }
        try {
            command("stopping async-profiler", AgentArguments::stop);
            stopped = true;
            if (request.has(ProfilingEvent.CPU)) {
                CpuSampler.fromRecording(file).flatMap(CpuSampler::fallbackMessage).ifPresent(messages::add);
            }
            return file;
        } finally {
            if (stopped || !Attacher.isAlive(pid)) {
                stopped = true;
                Attacher.detachQuietly(vm);
                removeScratch();
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
                // the target is gone or refuses; the file keeps whatever was written
            }
        }
        Attacher.detachQuietly(vm);
        removeScratch();
    }

    private interface Arguments {
        String forLog(Path log);
    }

    /** Runs one agent command within the time limit and turns its failure into a typed exception. */
    private void command(String what, Arguments arguments) throws AttachException {
        Path log = scratch.resolve("agent-" + (++commands) + ".log");
        AgentLog agentLog = new AgentLog(log);
        String options = arguments.forLog(log);
        try {
            // The target writes into the file, keeping its owner-only permissions.
            OwnerOnly.newFile(log);
            timeLimit.run(what + " in JVM " + pid, () -> {
                vm.loadAgentPath(library.toString(), options);
                return null;
            });
            messages.addAll(agentLog.read());
        } catch (AgentLoadException e) {
            throw loadFailure(e);
        } catch (AgentInitializationException e) {
            throw commandFailure(agentLog.error("the agent returned " + e.returnValue()), e);
        } catch (AttachTimeoutException e) {
            throw e;
        } catch (Exception e) {
            if (Attacher.exitsWithin(pid, Attacher.EXIT_GRACE)) {
                throw gone(e);
            }
            throw new RecordingFailedException("Talking to JVM " + pid + " failed while " + what + " ("
                    + Attacher.oneLine(e.getMessage()) + "); try again.", e);
        } finally {
            deleteQuietly(log);
        }
    }

    private AttachException loadFailure(AgentLoadException e) {
        String message = Attacher.oneLine(e.getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("dynamic agent loading is not enabled")) {
            return new AgentLoadingRefusedException("JVM " + pid + " refuses to load agents at run time"
                    + " (-XX:-EnableDynamicAgentLoading); restart it with -XX:+EnableDynamicAgentLoading to record it.", e);
        }
        return new ProfilerUnavailableException("JVM " + pid + " could not load async-profiler's library "
                + library + " (" + message + "); the JDK's Flight Recorder can record instead.", e);
    }

    private AttachException commandFailure(String agentSays, Exception e) {
        String lower = agentSays.toLowerCase(Locale.ROOT);
        if (lower.contains("already started")) {
            return new ProfilerAlreadyRunningException("async-profiler is already recording in JVM " + pid
                    + " (started by another tool or session); stop that recording first, e.g. 'asprof stop " + pid + "'.", e);
        }
        if (lower.contains("'live' option")) {
            return new LiveProfilingUnsupportedException("JVM " + pid + " is too old for live-object profiling"
                    + " (async-profiler needs JDK 11 or later); record without 'live'.", e);
        }
        if (lower.contains("not active") || lower.contains("has not started")) {
            return new RecordingFailedException("async-profiler is no longer recording in JVM " + pid
                    + " (another tool stopped it); what was recorded is in " + file + ".", e);
        }
        if (lower.contains("could not open output file")) {
            return new RecordingFailedException("JVM " + pid + " could not create " + file
                    + "; choose a folder that the target JVM's user can write to.", e);
        }
        return new RecordingFailedException("async-profiler in JVM " + pid + " refused: " + agentSays
                + (agentSays.endsWith(".") ? "" : "."), e);
    }

    private TargetGoneException gone(Exception cause) {
        String kept = Files.exists(file) ? "what was recorded so far is kept in " + file
                : "nothing had been written yet";
        return new TargetGoneException("JVM " + pid + " exited during the recording; " + kept + ".", cause);
    }

    private void removeScratch() {
        try (var files = Files.list(scratch)) {
            files.forEach(AsyncProfilerSession::deleteQuietly);
        } catch (IOException ignored) {
            // already gone
        }
        deleteQuietly(scratch);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // scratch only: a leftover log in the cache folder does no harm
        }
    }
}
