package dev.firesight.app.window;

import dev.firesight.files.OutputFile;
import dev.firesight.files.OwnerOnly;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recordings opened lately, newest first, kept in a small text file (one path a line) so they
 * survive restarts. Reading ({@link #read()}) and writing ({@link #save}) are file I/O and meant for a
 * background thread; the list itself is changed on the UI thread. A file that cannot be read or written
 * just means no history, never an error.
 */
public final class RecentFiles {
    public static final int MAX = 10;

    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> filesView = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** Reads the stored list; meant for a background thread. */
    public List<Path> read() {
        return read(store);
    }

    /** Shows a list read by {@link #read()}, keeping anything opened meanwhile on top. */
    public void restore(List<Path> stored) {
        List<Path> next = new ArrayList<>(files);
        for (Path p : stored) {
            if (!next.contains(p) && next.size() < MAX) {
                next.add(p);
            }
        }
        files.setAll(next);
    }

    /** The default store: {@code ~/.config/firesight/recent-files}. */
    public static Path defaultStore() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("firesight").resolve("recent-files");
    }

    /** A file for other remembered settings, in the same folder as this store. */
    public Path siblingStore(String name) {
        return store.resolveSibling(name);
    }

    public ObservableList<Path> files() {
        return filesView;
    }

    /** Puts a file at the top of the list and returns the list to store. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        return List.copyOf(next);
    }

    public List<Path> clear() {
        files.clear();
        return List.of();
    }

    /** Writes a list to the store; meant for a background thread. */
    public synchronized void save(List<Path> list) {
        try {
            OwnerOnly.folder(store.getParent());
            OutputFile.writeText(store, out -> {
                for (Path p : list) {
                    out.write(p + "\n");
                }
            });
        } catch (IOException | RuntimeException e) {
            // no history is better than a failure the user cannot act on
        }
    }

    private static List<Path> read(Path store) {
        List<Path> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(store)) {
                return out;
            }
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && out.size() < MAX) {
                    try {
                        out.add(Path.of(line.strip()));
                    } catch (InvalidPathException e) {
                        // skip a line that is not a path
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable history: start empty
        }
        return out;
    }
}
