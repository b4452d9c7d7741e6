package dev.firesight.app.cli;

import dev.firesight.attach.Attacher;
import dev.firesight.attach.JvmDiscovery;
import dev.firesight.attach.LocalJvm;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code jvms}: lists the local JVMs, one per line starting with the pid, and whether they can be recorded. */
final class JvmsCommand implements Command {
    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "jvms";
    }

    @Override
    public String usage() {
        return "jvms                             list local JVMs that can be recorded";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.isEmpty()) {
            throw new UsageException("'jvms' takes no arguments.");
        }
        if (!Attacher.supported()) {
            err.println("firesight jvms: this Java runtime has no Attach API (module jdk.attach);"
                    + " run Firesight on a full JDK 17 or later.");
            return 1;
        }
        Instant now = Instant.now();
        for (LocalJvm jvm : new JvmDiscovery(new Attacher(ATTACH_TIMEOUT)).list()) {
            out.println(line(jvm, now));
        }
        return 0;
    }

    static String line(LocalJvm jvm, Instant now) {
        String version = jvm.javaVersion().equals(LocalJvm.UNKNOWN) ? "Java ?"
                : "Java " + jvm.javaVersion() + " (" + jvm.vendor() + ")";
        String uptime = jvm.uptime(now).map(JvmsCommand::duration).orElse("?");
        String state = jvm.attachable() ? "attachable" : "not attachable: " + jvm.problem();
        return String.format("%-8d %-40s %-32s up %-8s %s", jvm.pid(), jvm.displayName(), version, uptime, state);
    }

    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + seconds % 60 + "s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
        }
        return seconds / 86400 + "d" + seconds % 86400 / 3600 + "h";
    }
}
