package dev.firesight.app.window;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link FileDialogs} through JavaFX's FileChooser, remembering the last folder used. */
public final class FxFileDialogs implements FileDialogs {
    private File lastFolder;

    @Override
    public List<Path> chooseRecordings(Window owner) {
        List<File> files = recordingChooser("Open recording").showOpenMultipleDialog(owner);
        List<Path> out = new ArrayList<>();
        if (files != null) {
            for (File f : files) {
                out.add(f.toPath());
                lastFolder = f.getParentFile();
            }
        }
        return out;
    }

    @Override
    public Optional<Path> chooseRecordingToCompare(Window owner, String baseline) {
        File file = recordingChooser("Compare " + baseline + " with").showOpenDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }

    /** A chooser of recording files, opening where the last one was picked. */
    private FileChooser recordingChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JFR recordings (*.jfr, *.jfr.gz, *.zip)", RecordingFiles.PATTERNS),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseFolder(Window owner) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Open a folder of recordings as one");
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File folder = chooser.showDialog(owner);
        if (folder == null) {
            return Optional.empty();
        }
        lastFolder = folder.getParentFile();
        return Optional.of(folder.toPath());
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, String description, String extension,
                                             String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + description);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        chooser.setInitialFileName(suggestedName);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        Path p = f.toPath();
        if (!p.getFileName().toString().contains(".") && !Files.exists(p)) {
            p = p.resolveSibling(p.getFileName() + "." + extension);
        }
        return Optional.of(p);
    }

    @Override
    public boolean chooseCompareOnDrop(Window owner, Path dropped, String openRecording) {
        javafx.scene.control.ButtonType open = new javafx.scene.control.ButtonType("Open in a new tab",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.ButtonType compare = new javafx.scene.control.ButtonType("Compare with "
                + openRecording);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.NONE,
                "Open " + dropped.getFileName() + " on its own, or compare it (as the target) with "
                        + openRecording + " (the baseline)?", open, compare);
        ask.initOwner(owner);
        ask.setTitle("Open or Compare");
        return ask.showAndWait().orElse(open) == compare;
    }

    @Override
    public Optional<String> chooseBaseline(Window owner, String target, List<String> recordings) {
        javafx.scene.control.ChoiceDialog<String> choose = new javafx.scene.control.ChoiceDialog<>(recordings.get(0),
                recordings);
        choose.initOwner(owner);
        choose.setTitle("Compare Recordings");
        choose.setHeaderText("Compare " + target + " (target) with which baseline?");
        return choose.showAndWait();
    }
}
