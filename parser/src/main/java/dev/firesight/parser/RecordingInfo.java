package dev.firesight.parser;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The facts of a recording: where it came from, when, how long, and which JVM.
 *
 * @param producer      "JDK Flight Recorder" or "async-profiler"
 * @param eventCounts   events read per JFR event type name
 * @param systemProperties the recorded JVM's initial system properties, in recording order
 * @param environment   the recorded process's environment variables, in recording order
 */
public record RecordingInfo(
        Path path,
        long fileSize,
        String producer,
        long startNanos,
        long durationNanos,
        int chunkCount,
        String jvmName,
        String jvmVersion,
        String jvmArguments,
        String javaArguments,
        long pid,
        String osVersion,
        String cpu,
        Map<String, Long> eventCounts,
        List<Map.Entry<String, String>> systemProperties,
        List<Map.Entry<String, String>> environment) {

    private static final java.util.regex.Pattern HOTSPOT_8 = java.util.regex.Pattern.compile("25\\.(\\d+)-b(\\d+).*");
    private static final java.util.regex.Pattern JRE = java.util.regex.Pattern.compile(".*\\bJRE \\(([^)]+)\\).*");

    public long endNanos() {
        return startNanos + durationNanos;
    }

    /**
     * The Java version of the recorded JVM, e.g. {@code 17.0.15+6} or {@code 1.8.0_262-b10}, or null. From
     * JDK 9 on the JVM's version is the Java version. JDK 8 records its HotSpot version instead
     * ({@code 25.262-b10}), whose numbers are the update and build of Java 8 ({@code 1.8.0_262-b10}).
     */
    public String javaVersion() {
        if (jvmVersion == null) {
            return null;
        }
        java.util.regex.Matcher m = HOTSPOT_8.matcher(jvmVersion);
        if (m.matches()) {
            return "1.8.0_" + m.group(1) + "-b" + m.group(2);
        }
        m = JRE.matcher(jvmVersion);
        return m.matches() ? m.group(1) : jvmVersion;
    }
}
