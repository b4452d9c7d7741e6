package dev.firesight.app.window;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which files Firesight opens: JFR recordings, plain, gzipped or zipped, and folders of them. */
public final class RecordingFiles {
    public static final List<String> PATTERNS = List.of("*.jfr", "*.jfr.gz", "*.zip");

    private RecordingFiles() {
    }

    /**
     * A recording file by its name, or a name without an extension, as folders have: a folder opens as one
     * recording of the recordings in it. Decided from the name alone, since drags are judged on the FX thread,
     * which does no I/O; a file that is neither says so when it is read.
     */
    public static boolean looksLikeRecording(Path p) {
        String name = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jfr") || name.endsWith(".jfr.gz") || name.endsWith(".zip") || name.endsWith(".gz")
                || !name.contains(".");
    }

    /** True when at least one of the files is one Firesight can open: what a drop must offer. */
    public static boolean anyRecording(List<Path> files) {
        return files != null && files.stream().anyMatch(RecordingFiles::looksLikeRecording);
    }
}
