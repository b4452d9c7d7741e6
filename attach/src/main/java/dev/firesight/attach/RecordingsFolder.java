package dev.firesight.attach;

import dev.firesight.files.OwnerOnly;
import dev.firesight.files.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The per-user folder for new recordings, {@code ~/.local/share/firesight/recordings} (or under
 * {@code $XDG_DATA_HOME}), readable only by the user. Firesight only adds files here; it never deletes
 * a recording.
 */
public final class RecordingsFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

    private final Path folder;

    public RecordingsFolder(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    public static RecordingsFolder standard() {
        return new RecordingsFolder(UserFolders.data().resolve("recordings"));
    }

    public Path path() {
        return folder;
    }

    /**
     * A new, not yet existing file named after the application, pid and time, e.g.
     * {@code DemoService-4711-2026-11-24_201503.jfr}. Creates the folder (owner-only) when missing.
     */
    public Path newRecordingFile(String application, long pid, Instant time) throws IOException {
        OwnerOnly.folder(folder);
        String base = safe(application) + "-" + pid + "-" + STAMP.format(time.atZone(ZoneId.systemDefault()));
        Path file = folder.resolve(base + ".jfr");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(base + "-" + n + ".jfr");
        }
        return file;
    }

    static String safe(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        if (cleaned.length() > 60) {
            cleaned = cleaned.substring(0, 60);
        }
        return cleaned.isEmpty() ? "jvm" : cleaned;
    }
}
