package dev.firesight.app.info;

import dev.firesight.app.format.Units;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.Secrets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts the recording info panel lists, as (section, name, value) rows. Secret-looking values and
 * the JVM's arguments are redacted unless the user asks to see them, and the copied text follows the
 * same choice, so nothing secret leaves the window by default.
 */
public final class RecordingFacts {
    /** One line of the panel. */
    public record Row(String section, String name, String value) {
    }

    private RecordingFacts() {
    }

    public static List<Row> rows(RecordingInfo original, boolean showSecrets) {
        RecordingInfo info = showSecrets ? original : Secrets.redact(original);
        List<Row> rows = new ArrayList<>();
        String facts = "Recording";
        rows.add(new Row(facts, "File", String.valueOf(info.path())));
        rows.add(new Row(facts, "Size", Units.bytes(info.fileSize())));
        rows.add(new Row(facts, "Recorded by", info.producer()));
        rows.add(new Row(facts, "Start", Instant.ofEpochSecond(0, info.startNanos()).toString()));
        rows.add(new Row(facts, "Duration", Units.nanos(info.durationNanos())));
        rows.add(new Row(facts, "Chunks", Integer.toString(info.chunkCount())));
        String jvm = "JVM";
        add(rows, jvm, "Name", info.jvmName());
        add(rows, jvm, "Java version", info.javaVersion());
        add(rows, jvm, "JVM version", Objects.equals(info.javaVersion(), info.jvmVersion()) ? null : info.jvmVersion());
        add(rows, jvm, "Process id", info.pid() > 0 ? Long.toString(info.pid()) : null);
        add(rows, jvm, "JVM arguments", info.jvmArguments());
        add(rows, jvm, "Main class and arguments", info.javaArguments());
        add(rows, jvm, "Operating system", info.osVersion());
        add(rows, jvm, "CPU", info.cpu());
        for (Map.Entry<String, String> e : info.systemProperties()) {
            rows.add(new Row("System properties", e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : info.environment()) {
            rows.add(new Row("Environment variables", e.getKey(), e.getValue()));
        }
        info.eventCounts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> rows.add(new Row("Events", e.getKey(), Units.count(e.getValue()))));
        return rows;
    }

    /** The rows as text for the clipboard: section headings, then "name: value" lines. */
    public static String text(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        String section = null;
        for (Row r : rows) {
            if (!r.section().equals(section)) {
                section = r.section();
                sb.append(sb.length() == 0 ? "" : "\n").append(section).append('\n');
            }
            sb.append("  ").append(r.name()).append(": ").append(r.value()).append('\n');
        }
        return sb.toString();
    }

    private static void add(List<Row> rows, String section, String name, String value) {
        if (value != null && !value.isBlank()) {
            rows.add(new Row(section, name, value.strip()));
        }
    }
}
