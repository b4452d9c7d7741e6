package dev.firesight.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The log file async-profiler writes inside the target ({@code log=}). Each command opens it afresh, so
 * it holds what the last command said, plus warnings written while recording.
 */
final class AgentLog {
    private final Path file;

    AgentLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The log's lines without the level prefix ("[WARN] "), skipping routine acknowledgements. */
    List<String> read() {
        List<String> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String text = line.replaceFirst("^\\[(TRACE|DEBUG|INFO|WARN|ERROR)\\]\\s*", "").strip();
                if (!text.isEmpty() && !routine(text)) {
                    lines.add(text);
                }
            }
        } catch (NoSuchFileException e) {
            return lines;
        } catch (IOException e) {
            lines.add("Could not read async-profiler's log " + file + ": " + e.getMessage());
        }
        return lines;
    }

    /** The first error line, or all lines joined, or the fallback when the log is empty. */
    String error(String fallback) {
        List<String> lines = read();
        return lines.isEmpty() ? fallback : String.join("; ", lines);
    }

    private static boolean routine(String text) {
        return text.equals("Profiling started") || text.startsWith("Profiling stopped after");
    }
}
