package dev.firesight.attach;

/** Reads the feature release out of {@code java.version} strings. */
final class JavaVersions {
    private JavaVersions() {
    }

    /** 17 for "17.0.15", 21 for "21", 8 for "1.8.0_402", 0 when it cannot tell. */
    static int feature(String version) {
        if (version == null) {
            return 0;
        }
        String[] parts = version.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
