package dev.firesight.attach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists the JVMs on this machine, except Firesight's own process.
 *
 * <p>The JDK's {@code VirtualMachine.list()} (jvmstat's hsperfdata files) says which JVMs exist and
 * what they run. To learn the Java version and vendor, and whether attaching really works, each new
 * JVM is attached to once and its system properties are read, within the attacher's time limit. The
 * answer is remembered for that process (pid plus start time), so refreshing is cheap: only JVMs that
 * appeared since the last refresh are attached to. Java processes that jvmstat does not show (started
 * with {@code -XX:+DisableAttachMechanism} or {@code -XX:-UsePerfData}) are found through the OS
 * process list and probed the same way.
 */
public final class JvmDiscovery {
    private final Attacher attacher;
    private final Map<ProcessKey, LocalJvm> probed = new ConcurrentHashMap<>();

    public JvmDiscovery(Attacher attacher) {
        this.attacher = attacher;
    }

    /**
     * Lists the local JVMs now, ordered by pid. Blocks while new JVMs are probed (in parallel).
     * Empty when this runtime has no Attach API ({@link Attacher#supported()}).
     */
    public List<LocalJvm> list() {
        if (!Attacher.supported()) {
            return List.of();
        }
        Map<Long, String> candidates = JvmProcesses.list();

        List<Thread> probes = new ArrayList<>();
        Map<Long, LocalJvm> found = new ConcurrentHashMap<>();
        for (Map.Entry<Long, String> candidate : candidates.entrySet()) {
            long pid = candidate.getKey();
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                continue;
            }
            ProcessKey key = new ProcessKey(pid, process.get().info().startInstant().orElse(null));
            LocalJvm known = probed.get(key);
            if (known != null) {
                found.put(pid, known);
                continue;
            }
            Thread probe = new Thread(() -> {
                LocalJvm jvm = probe(pid, candidate.getValue(), key.start());
                probed.put(key, jvm);
                found.put(pid, jvm);
            }, "firesight-attach: probe " + pid);
            probe.setDaemon(true);
            probe.start();
            probes.add(probe);
        }
        long deadline = System.nanoTime() + attacher.timeout().toNanos() * 2 + 1_000_000_000L;
        for (Thread probe : probes) {
            try {
                probe.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        probed.keySet().removeIf(key -> !candidates.containsKey(key.pid()));
        List<LocalJvm> jvms = new ArrayList<>(found.values());
        jvms.removeIf(jvm -> !Attacher.isAlive(jvm.pid()));
        jvms.sort(Comparator.comparingLong(LocalJvm::pid));
        return jvms;
    }

    private LocalJvm probe(long pid, String jvmstatName, Instant start) {
        Optional<Instant> startTime = Optional.ofNullable(start);
        try {
            Properties properties = attacher.systemProperties(pid);
            String command = jvmstatName.isBlank() ? properties.getProperty("sun.java.command", "") : jvmstatName;
            return new LocalJvm(pid, displayName(command), properties.getProperty("java.version", LocalJvm.UNKNOWN),
                    properties.getProperty("java.vendor", LocalJvm.UNKNOWN), startTime, true, "");
        } catch (AttachException e) {
            String command = jvmstatName.isBlank() ? commandLineMain(pid) : jvmstatName;
            return new LocalJvm(pid, displayName(command), LocalJvm.UNKNOWN, LocalJvm.UNKNOWN, startTime, false,
                    e.getMessage());
        }
    }

    /** "com.example.Main --port 80" gives "com.example.Main"; "/opt/app.jar x" gives "app.jar". */
    static String displayName(String command) {
        String first = command == null ? "" : command.strip().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return LocalJvm.UNKNOWN;
        }
        if (first.endsWith(".jar")) {
            int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
            return first.substring(slash + 1);
        }
        return first;
    }

    /** The main class or -jar argument from the OS's view of the command line, when jvmstat is silent. */
    private static String commandLineMain(long pid) {
        String[] arguments = ProcessHandle.of(pid).flatMap(p -> p.info().arguments()).orElse(new String[0]);
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (argument.equals("-jar") && i + 1 < arguments.length) {
                return arguments[i + 1];
            }
            if (argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path")
                    || argument.equals("-p") || argument.equals("--module-path")) {
                i++;
            } else if (argument.equals("-m") || argument.equals("--module")) {
                return i + 1 < arguments.length ? arguments[i + 1] : "";
            } else if (!argument.startsWith("-")) {
                return argument;
            }
        }
        return "";
    }

    private record ProcessKey(long pid, Instant start) {
    }
}
