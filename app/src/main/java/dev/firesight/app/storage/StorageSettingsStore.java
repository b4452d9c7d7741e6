package dev.firesight.app.storage;

import dev.firesight.files.OutputFile;
import dev.firesight.files.OwnerOnly;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the Open from Object Storage dialog remembers between runs, in the config folder: every field but
 * the secret, which is never written anywhere. File I/O, meant for a background thread; a store that cannot
 * be read or written only means nothing is remembered.
 */
final class StorageSettingsStore {
    /** The fields remembered; the secret is not one of them, whatever the caller passes. */
    static final java.util.List<String> FIELDS = java.util.List.of("endpoint", "region", "profile", "location",
            "path-style", "access-key-id", "window");

    private final Path file;

    StorageSettingsStore(Path file) {
        this.file = file;
    }

    Map<String, String> read() {
        Map<String, String> out = new TreeMap<>();
        try {
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                for (String field : FIELDS) {
                    if (p.getProperty(field) != null) {
                        out.put(field, p.getProperty(field));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // nothing remembered
        }
        return out;
    }

    void save(Map<String, String> values) {
        Properties p = new Properties();
        for (String field : FIELDS) {
            String v = values.get(field);
            if (v != null) {
                p.setProperty(field, v);
            }
        }
        try {
            OwnerOnly.folder(file.getParent());
            StringWriter text = new StringWriter();
            p.store(text, "Firesight: Open from Object Storage (secrets are never saved)");
            OutputFile.writeText(file, out -> out.write(text.toString()));
        } catch (IOException | RuntimeException e) {
            // not remembered; nothing the user can act on
        }
    }
}
