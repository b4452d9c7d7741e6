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

    /** Asks where to save an export, suggesting a name with the format's extension. */
    Optional<Path> chooseExportTarget(Window owner, String description, String extension, String suggestedName);
}
