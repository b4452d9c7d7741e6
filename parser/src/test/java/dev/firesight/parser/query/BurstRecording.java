package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.TestRecordings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The burst fixture with the burst's start and end as the workload printed them (epoch nanoseconds). */
public record BurstRecording(Path path, Profile profile, long burstStartNanos, long burstEndNanos) {

    public static BurstRecording load() throws RecordingException {
        Path path = TestRecordings.burst();
        Path log = path.resolveSibling(path.getFileName().toString().replaceFirst("\\.jfr$", ".log"));
        long start = -1;
        long end = -1;
        try {
            List<String> lines = Files.readAllLines(log);
            for (String line : lines) {
                if (line.startsWith("burst-start ")) {
                    start = Long.parseLong(line.substring(12).trim()) * 1_000_000L;
                } else if (line.startsWith("burst-end ")) {
                    end = Long.parseLong(line.substring(10).trim()) * 1_000_000L;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no burst-start/burst-end in " + log);
        }
        return new BurstRecording(path, Recordings.open(path), start, end);
    }
}
