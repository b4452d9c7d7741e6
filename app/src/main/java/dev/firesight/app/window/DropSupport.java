package dev.firesight.app.window;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drag-and-drop of recordings onto the window. While files that Firesight can open are dragged over
 * it, the target gets the {@code :drop-target} pseudo-class (the CSS shows an overlay); dropping opens
 * them. The handlers only take the files off the event's dragboard and call {@link #dragOver},
 * {@link #dragExited} and {@link #drop}, which tests call directly (a Dragboard cannot be made in tests).
 */
public final class DropSupport {
    public static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final Node target;
    private final Consumer<List<Path>> open;
    private boolean active;

    public DropSupport(Node target, Consumer<List<Path>> open) {
        this.target = target;
        this.open = open;
        target.setOnDragOver(this::handleDragOver);
        target.setOnDragEntered(this::handleDragOver);
        target.setOnDragExited(e -> dragExited());
        target.setOnDragDropped(this::handleDragDropped);
    }

    void handleDragOver(DragEvent e) {
        if (dragOver(filesOf(e.getDragboard()))) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
        }
        e.consume();
    }

    void handleDragDropped(DragEvent e) {
        e.setDropCompleted(drop(filesOf(e.getDragboard())));
        e.consume();
    }

    /** Whether a drag of these files would be accepted; shows the overlay when it would. */
    public boolean dragOver(List<Path> files) {
        setActive(RecordingFiles.anyRecording(files));
        return active;
    }

    public void dragExited() {
        setActive(false);
    }

    /** Opens the recordings among the dropped files; returns false when there were none. */
    public boolean drop(List<Path> files) {
        setActive(false);
        List<Path> recordings = new ArrayList<>();
        for (Path p : files == null ? List.<Path>of() : files) {
            if (RecordingFiles.looksLikeRecording(p)) {
                recordings.add(p);
            }
        }
        if (recordings.isEmpty()) {
            return false;
        }
        open.accept(recordings);
        return true;
    }

    public boolean isActive() {
        return active;
    }

    private void setActive(boolean a) {
        active = a;
        target.pseudoClassStateChanged(DROP_TARGET, a);
    }

    static List<Path> filesOf(Dragboard board) {
        List<Path> out = new ArrayList<>();
        if (board != null && board.hasFiles()) {
            for (File f : board.getFiles()) {
                out.add(f.toPath());
            }
        }
        return out;
    }
}
