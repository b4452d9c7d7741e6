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

    public long endNanos() {
        return startNanos + durationNanos;
    }
}
