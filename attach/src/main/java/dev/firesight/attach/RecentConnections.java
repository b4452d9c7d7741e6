package dev.firesight.attach;

import dev.firesight.files.OutputFile;
import dev.firesight.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote JVMs connected to lately, newest first: host and port only, one {@code HOST:PORT} a line in a
 * small owner-only file. User names and passwords are never stored. File I/O; call it off the UI thread.
 * A file that cannot be read or written just means no history.
 */
public final class RecentConnections {
    public static final int MAX = 10;

    private final Path store;

    public RecentConnections(Path store) {
        this.store = store;
    }

    public List<JmxAddress> read() {
        List<JmxAddress> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(store)) {
                return out;
            }
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                try {
                    JmxAddress a = JmxAddress.parse(line);
                    if (!line.isBlank() && !out.contains(a) && out.size() < MAX) {
                        out.add(a);
                    }
                } catch (IllegalArgumentException e) {
                    // skip a line that is not an address
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable history: start empty
        }
        return out;
    }

    /** Puts {@code address} first, stores the list and returns it. */
    public synchronized List<JmxAddress> remember(JmxAddress address) {
        List<JmxAddress> next = read();
        next.remove(address);
        next.add(0, address);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        try {
            OwnerOnly.folder(store.getParent());
            OutputFile.writeText(store, out -> {
                for (JmxAddress a : next) {
                    out.write(a + "\n");
                }
            });
        } catch (IOException | RuntimeException e) {
            // no history is better than a failure the user cannot act on
        }
        return List.copyOf(next);
    }
}
