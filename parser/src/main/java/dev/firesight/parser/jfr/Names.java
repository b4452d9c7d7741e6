package dev.firesight.parser.jfr;

/** Turns JFR's internal class names into the names users read, as async-profiler's converter does. */
final class Names {
    private Names() {
    }

    /** {@code java/lang/String} to {@code java.lang.String}; hidden-class suffixes keep their digits. */
    static String javaName(String internal) {
        return internal.replace('/', '.');
    }

    /**
     * A class as the leaf of an allocation or lock stack: descriptors such as {@code [B} or
     * {@code [Ljava/lang/String;} become {@code byte[]} and {@code java.lang.String[]}.
     */
    static String className(String internal) {
        int depth = 0;
        while (depth < internal.length() && internal.charAt(depth) == '[') {
            depth++;
        }
        if (depth == 0) {
            return javaName(internal);
        }
        String element;
        char code = depth < internal.length() ? internal.charAt(depth) : 'L';
        switch (code) {
            case 'B': element = "byte"; break;
            case 'C': element = "char"; break;
            case 'S': element = "short"; break;
            case 'I': element = "int"; break;
            case 'J': element = "long"; break;
            case 'Z': element = "boolean"; break;
            case 'F': element = "float"; break;
            case 'D': element = "double"; break;
            default: {
                int end = internal.endsWith(";") ? internal.length() - 1 : internal.length();
                int start = code == 'L' ? depth + 1 : depth;
                element = javaName(internal.substring(Math.min(start, end), end));
            }
        }
        StringBuilder sb = new StringBuilder(element);
        for (int i = 0; i < depth; i++) {
            sb.append("[]");
        }
        return sb.toString();
    }
}
