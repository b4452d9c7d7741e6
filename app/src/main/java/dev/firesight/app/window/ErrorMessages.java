package dev.firesight.app.window;

/** Turns an unexpected throwable into words for the user, never a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /** A short phrase naming what went wrong, e.g. "out of memory" or the exception's own message. */
    public static String sentence(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory; start Firesight with a larger heap (-Xmx)";
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "an internal error: " + t.getClass().getSimpleName();
        }
        m = m.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
