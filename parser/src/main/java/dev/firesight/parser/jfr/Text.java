package dev.firesight.parser.jfr;

import java.util.Locale;

/** Numbers as the reader's sentences show them. */
final class Text {
    private Text() {
    }

    /** A count with thousands separators, e.g. {@code 103,942}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
