package dev.firesight.app.window;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The native file choosers, behind an interface so the composition root can give tests a stand-in
 * (a FileChooser cannot be driven headless).
 */
public interface FileDialogs {
    /** Asks for recordings to open; empty when the user cancels. */
    List<Path> chooseRecordings(Window owner);

    /**
     * Asks for a folder of recordings (a JFR repository, periodic dumps, files from several replicas) to open
     * as one recording; empty when the user cancels. The default asks nothing, for stand-ins that do not care.
     */
    default Optional<Path> chooseFolder(Window owner) {
        return Optional.empty();
    }

    /**
     * Asks for the recording to compare the open one, {@code baseline}, with; empty when the user cancels. The
     * default asks as {@link #chooseRecordings} does and takes the first.
     */
    default Optional<Path> chooseRecordingToCompare(Window owner, String baseline) {
        return chooseRecordings(owner).stream().findFirst();
    }

    /** Asks where to save an export, suggesting a name with the format's extension. */
    Optional<Path> chooseExportTarget(Window owner, String description, String extension, String suggestedName);

    /**
     * Asks whether a recording dropped onto an open one should open in its own tab or be compared with
     * it; true to compare. The default opens, for stand-ins that do not care.
     */
    default boolean chooseCompareOnDrop(Window owner, Path dropped, String openRecording) {
        return false;
    }

    /**
     * Asks which open recording, by file name, is the baseline for {@code target}; empty when the user
     * cancels. The default picks the first, for stand-ins that do not care.
     */
    default Optional<String> chooseBaseline(Window owner, String target, List<String> recordings) {
        return recordings.stream().findFirst();
    }
}
