package dev.firesight.app.cli;

import dev.firesight.attach.AttachException;
import dev.firesight.attach.EngineChoice;
import dev.firesight.attach.JmxAddress;
import dev.firesight.attach.JmxTarget;
import dev.firesight.attach.ProfilingEvent;
import dev.firesight.attach.Recorder;
import dev.firesight.attach.RecordingRequest;
import dev.firesight.attach.RecordingSession;
import dev.firesight.attach.RecordingsFolder;
import dev.firesight.attach.RemoteJvm;
import dev.firesight.attach.RemoteRecording;
import dev.firesight.attach.RemoteSession;
import dev.firesight.attach.RemoteStreaming;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code record}: records a running JVM with async-profiler (or the JDK's Flight Recorder where
 * async-profiler cannot run) for a fixed time, or until Ctrl-C, and prints where the recording is.
 * With {@code --jmx HOST:PORT} it records a remote JVM through its JMX agent instead, or lists or downloads
 * the recordings that JVM holds. A JMX password never comes from the command line, where other users could
 * read it in the process list: it comes from a file, the environment or the console.
 */
final class RecordCommand implements Command {
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(10);
    static final String PASSWORD_VARIABLE = "FIRESIGHT_JMX_PASSWORD";

    private final Map<String, String> environment;

    RecordCommand() {
        this(System.getenv());
    }

    RecordCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "record";
    }

    @Override
    public String usage() {
        return "record --pid PID [--event cpu,alloc,lock,wall,live,nativemem | --preset memory-leak]\n"
                + "                [--duration SECONDS] [-o FILE.jfr] [--engine auto|async-profiler|jfr]\n"
                + "                                 record a running JVM (until Ctrl-C without --duration)\n"
                + "  record --jmx HOST:PORT [--user U [--password-file F]] [--tls] [--list | --download ID | --stop ID]\n"
                + "                [--event ... | --preset memory-leak] [--duration SECONDS] [-o FILE.jfr]\n"
                + "                                 record a remote JVM over JMX (password from F, $" + PASSWORD_VARIABLE
                + "\n                                 or the console), or list, download or stop its recordings";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, AttachException {
        Options options = Options.parse(args);
        if (options.jmx != null) {
            return remote(options, out, err);
        }
        Recorder recorder = Recorder.standard(ATTACH_TIMEOUT);
        RecordingRequest request = (options.memoryLeak ? RecordingRequest.memoryLeak()
                : RecordingRequest.of(options.events)).withEngine(options.engine);
        if (options.memoryLeak) {
            err.println("The memory-leak preset records: " + String.join(" ", request.costs()));
        }
        if (options.output != null) {
            request = request.withOutput(options.output);
        }
        RecordingSession session;
        if (options.duration != null) {
            err.println("Recording JVM " + options.pid + " for " + options.duration.getSeconds() + " s...");
            session = recorder.record(options.pid, request, options.duration);
        } else {
            session = untilInterrupted(recorder, options.pid, request, err);
        }
        for (String message : session.messages()) {
            err.println("note: " + message);
        }
        out.println("Recorded JVM " + options.pid + " with " + session.engine().displayName() + ": "
                + session.file() + " (" + size(session.file()) + ")");
        return 0;
    }

    /** Records until Ctrl-C: a shutdown hook stops the recording so the file is complete. */
    private static RecordingSession untilInterrupted(Recorder recorder, long pid, RecordingRequest request,
            PrintStream err) throws AttachException {
        RecordingSession session = recorder.start(pid, request);
        err.println("Recording JVM " + pid + " into " + session.file() + "; press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                session.stop();
                err.println("Stopped; the recording is " + session.file());
            } catch (AttachException e) {
                err.println("firesight record: " + e.getMessage());
            } finally {
                session.close();
                stopped.countDown();
            }
        }, "firesight: stop recording");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (isAlive(pid)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        session.stop();
        return session;
    }

    /** {@code --jmx}: lists, downloads or records the remote JVM's recordings. */
    private int remote(Options options, PrintStream out, PrintStream err) throws UsageException, AttachException {
        JmxTarget target = JmxTarget.of(options.jmx, options.user, password(options, err), options.tls);
        RecordingsFolder folder = RecordingsFolder.standard();
        try (RemoteJvm jvm = RemoteJvm.connect(target, ATTACH_TIMEOUT, folder)) {
            err.println("Connected to " + jvm.description() + ".");
            if (options.list) {
                List<RemoteRecording> recordings = jvm.recordings();
                if (recordings.isEmpty()) {
                    out.println("The JVM holds no recordings.");
                }
                for (RemoteRecording r : recordings) {
                    out.println(recordingLine(r));
                }
                return 0;
            }
            if (options.stop >= 0) {
                jvm.stop(options.stop);
                out.println("Stopped recording " + options.stop + " of " + jvm.description()
                        + "; its data stays in that JVM until it is downloaded or closed.");
                return 0;
            }
            if (options.download >= 0) {
                Path file = jvm.download(options.download, java.util.Optional.ofNullable(options.output));
                out.println("Downloaded recording " + options.download + " of " + jvm.description() + ": " + file
                        + " (" + size(file) + ")");
                return 0;
            }
            RecordingRequest request = options.memoryLeak ? RecordingRequest.memoryLeak()
                    : RecordingRequest.of(options.events);
            if (options.output != null) {
                request = request.withOutput(options.output);
            }
            // no live view here: ranged reads fetch the recording once, from the target's own complete copy
            RemoteSession session = jvm.start(request, RemoteStreaming.RANGED_READS);
            err.println("Recording " + jvm.description() + " into " + session.file() + (options.duration == null
                    ? "; press Ctrl-C to stop." : " for " + options.duration.getSeconds() + " s..."));
            for (String message : session.messages()) {
                err.println("note: " + message);
            }
            try {
                recordRemote(session, options.duration, err); // a target gone says what was kept, exit code 1
            } finally {
                session.close();
            }
            out.println("Recorded " + jvm.description() + " with " + session.engine().displayName() + ": "
                    + session.file() + " (" + size(session.file()) + ")");
            return 0;
        } finally {
            target.clearPassword();
        }
    }

    /** Waits for the duration (or Ctrl-C), noticing a target that stops answering, then stops. */
    private static void recordRemote(RemoteSession session, Duration duration, PrintStream err)
            throws AttachException {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            try {
                stopped.await(ATTACH_TIMEOUT.toMillis() * 3, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "firesight: stop remote recording");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end && interrupted.getCount() > 0) {
                session.status(); // throws TargetGoneException when the JVM stopped answering
                interrupted.await(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            if (interrupted.getCount() == 0) {
                err.println("Stopping; the recording is downloaded into " + session.file());
            }
            session.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
        } catch (dev.firesight.attach.TargetGoneException e) {
            session.stop(); // says what was kept
        } finally {
            stopped.countDown();
            if (interrupted.getCount() > 0) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /** E.g. "3   RUNNING   boot   started 2026-12-03T18:40:01Z, 1.2 MB". */
    static String recordingLine(RemoteRecording r) {
        return String.format("%-4d %-8s %-28s %s, %s", r.id(), r.state(), r.name(),
                r.start().map(t -> "started " + t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).orElse("not started"),
                r.bytes() < 10 * 1024 ? r.bytes() + " bytes" : dev.firesight.parser.Wording.bytes(r.bytes()));
    }

    /**
     * The JMX password: the first line of {@code --password-file}, else {@code $FIRESIGHT_JMX_PASSWORD}, else asked
     * on the console when there is one and a user is given; none without a user.
     */
    private char[] password(Options options, PrintStream err) throws UsageException {
        if (options.passwordFile != null) {
            try {
                String first = Files.readAllLines(options.passwordFile, java.nio.charset.StandardCharsets.UTF_8)
                        .stream().findFirst().orElse("");
                warnIfOthersCanRead(options.passwordFile, err);
                return first.toCharArray();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new UsageException("cannot read the password file " + options.passwordFile + ".");
            }
        }
        if (options.user == null) {
            return null;
        }
        String variable = environment.get(PASSWORD_VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        java.io.Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("JMX password for %s at %s: ", options.user, options.jmx);
            if (typed != null) {
                return typed;
            }
        }
        throw new UsageException("give the password for " + options.user + " with --password-file FILE or in $"
                + PASSWORD_VARIABLE + ".");
    }

    private static void warnIfOthersCanRead(Path file, PrintStream err) {
        try {
            Set<java.nio.file.attribute.PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                    || permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                err.println("note: other users can read " + file + "; make it yours alone with chmod 600.");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no POSIX permissions to check here
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 10 * 1024 ? bytes + " bytes" : dev.firesight.parser.Wording.bytes(bytes);
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }

    /** The parsed command line. */
    static final class Options {
        long pid = -1;
        Set<ProfilingEvent> events = Set.of(ProfilingEvent.CPU);
        Duration duration;
        Path output;
        EngineChoice engine = EngineChoice.AUTOMATIC;
        boolean memoryLeak;
        JmxAddress jmx;
        String user;
        Path passwordFile;
        boolean tls;
        boolean list;
        long download = -1;
        long stop = -1;

        static Options parse(List<String> args) throws UsageException {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--pid", "-p" -> options.pid = positive(value(args, ++i, arg), arg);
                    case "--event", "-e" -> options.events = events(value(args, ++i, arg));
                    case "--duration", "-d" -> options.duration = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                    case "-o", "--output" -> options.output = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--engine" -> options.engine = engine(value(args, ++i, arg));
                    case "--preset" -> options.memoryLeak = preset(value(args, ++i, arg));
                    case "--jmx" -> options.jmx = address(value(args, ++i, arg));
                    case "--user" -> options.user = value(args, ++i, arg);
                    case "--password-file" -> options.passwordFile = Path.of(value(args, ++i, arg));
                    case "--password" -> throw new UsageException("a password on the command line can be read by"
                            + " other users; use --password-file FILE or $" + PASSWORD_VARIABLE + " instead.");
                    case "--tls" -> options.tls = true;
                    case "--list" -> options.list = true;
                    case "--download" -> options.download = positive(value(args, ++i, arg), arg);
                    case "--stop" -> options.stop = positive(value(args, ++i, arg), arg);
                    default -> throw new UsageException("unknown option '" + arg + "'; see 'firesight --help'.");
                }
            }
            if (options.jmx != null && options.pid >= 0) {
                throw new UsageException("say either --pid PID (a JVM on this machine) or --jmx HOST:PORT, not both.");
            }
            if (options.jmx == null && (options.user != null || options.passwordFile != null || options.tls
                    || options.list || options.download >= 0 || options.stop >= 0)) {
                throw new UsageException("--user, --password-file, --tls, --list, --download and --stop go with"
                        + " --jmx HOST:PORT.");
            }
            if (options.passwordFile != null && options.user == null) {
                throw new UsageException("a password needs a user: add --user NAME.");
            }
            if (options.pid < 0 && options.jmx == null) {
                throw new UsageException("say which JVM to record with --pid PID; 'firesight jvms' lists them.");
            }
            if (options.output != null && !options.output.getFileName().toString().endsWith(".jfr")) {
                throw new UsageException("the output file must end in .jfr.");
            }
            return options;
        }

        private static String value(List<String> args, int i, String option) throws UsageException {
            if (i >= args.size()) {
                throw new UsageException(option + " needs a value.");
            }
            return args.get(i);
        }

        private static long positive(String text, String option) throws UsageException {
            try {
                long value = Long.parseLong(text);
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new UsageException(option + " needs a positive whole number, not '" + text + "'.");
        }

        private static JmxAddress address(String text) throws UsageException {
            try {
                return JmxAddress.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static boolean preset(String name) throws UsageException {
            if (!name.equals("memory-leak")) {
                throw new UsageException("unknown preset '" + name + "'; the preset is memory-leak.");
            }
            return true;
        }

        private static Set<ProfilingEvent> events(String list) throws UsageException {
            try {
                return ProfilingEvent.parseList(list);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        private static EngineChoice engine(String name) throws UsageException {
            return switch (name) {
                case "auto" -> EngineChoice.AUTOMATIC;
                case "async-profiler" -> EngineChoice.ASYNC_PROFILER;
                case "jfr" -> EngineChoice.FLIGHT_RECORDER;
                default -> throw new UsageException("unknown engine '" + name + "'; use auto, async-profiler or jfr.");
            };
        }
    }
}
