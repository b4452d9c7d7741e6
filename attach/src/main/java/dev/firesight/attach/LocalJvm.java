package dev.firesight.attach;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One JVM running on this machine, as the JVM list shows it.
 *
 * @param pid            the operating-system process id
 * @param displayName    the main class or jar the JVM runs, e.g. {@code com.example.Main} or
 *                       {@code app.jar}; {@code "unknown"} when the JVM does not say
 * @param javaVersion    {@code java.version} of the target, or {@code "unknown"} when it could not be
 *                       attached to
 * @param vendor         {@code java.vendor} of the target, or {@code "unknown"}
 * @param startTime      when the process started, if the OS tells
 * @param attachable     true when an attach connection succeeded just now (or earlier for this process)
 * @param problem        when not attachable: one sentence saying why and what to do; empty otherwise
 */
public record LocalJvm(long pid, String displayName, String javaVersion, String vendor,
        Optional<Instant> startTime, boolean attachable, String problem) {

    public static final String UNKNOWN = "unknown";

    /** How long the JVM has been running at {@code now}, if its start time is known. */
    public Optional<Duration> uptime(Instant now) {
        return startTime.map(start -> Duration.between(start, now));
    }

    /** The feature release, e.g. 17 for "17.0.15" and 8 for "1.8.0_402"; 0 when unknown. */
    public int featureVersion() {
        return JavaVersions.feature(javaVersion);
    }

    /** A short name for file names and titles: the simple class name or the jar's name without ".jar". */
    public String applicationName() {
        return applicationName(displayName);
    }

    static String applicationName(String displayName) {
        String name = displayName;
        if (name.endsWith(".jar")) {
            return name.substring(0, name.length() - 4);
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot < name.length() - 1 ? name.substring(dot + 1) : name;
    }
}
