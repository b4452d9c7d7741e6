package dev.firesight.files;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-user folders, following the XDG base directories on Linux and the platform habits elsewhere. Only
 * names: {@link OwnerOnly#folder} creates them when they are first needed.
 */
public final class UserFolders {
    private UserFolders() {
    }

    /** Where recordings live: {@code $XDG_DATA_HOME/firesight} or {@code ~/.local/share/firesight}. */
    public static Path data() {
        return base("XDG_DATA_HOME", ".local/share", "Library/Application Support", "LOCALAPPDATA");
    }

    /** Where the extracted library and scratch files live: {@code $XDG_CACHE_HOME/firesight}. */
    public static Path cache() {
        return base("XDG_CACHE_HOME", ".cache", "Library/Caches", "LOCALAPPDATA");
    }

    private static Path base(String xdgVariable, String xdgDefault, String macFolder, String windowsVariable) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String local = System.getenv(windowsVariable);
            return (local == null || local.isBlank() ? home.resolve("AppData/Local") : Path.of(local))
                    .resolve("Firesight");
        }
        if (os.startsWith("mac")) {
            return home.resolve(macFolder).resolve("Firesight");
        }
        String xdg = System.getenv(xdgVariable);
        Path root = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(xdgDefault);
        return root.resolve("firesight");
    }
}
