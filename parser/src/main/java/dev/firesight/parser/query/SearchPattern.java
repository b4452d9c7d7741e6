package dev.firesight.parser.query;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the user searches frames for: a regular expression by default, or plain text taken literally, either
 * ignoring case (the default) or not. A frame matches when its full name contains a match
 * ({@link java.util.regex.Matcher#find}), so {@code HashMap\..*} matches {@code java.util.HashMap.get}.
 * The one rule for every search in the window, the comparison and exports.
 */
public final class SearchPattern {
    private final String text;
    private final boolean plainText;
    private final boolean matchCase;
    private final Pattern pattern;

    private SearchPattern(String text, boolean plainText, boolean matchCase, Pattern pattern) {
        this.text = text;
        this.plainText = plainText;
        this.matchCase = matchCase;
        this.pattern = pattern;
    }

    /**
     * @throws InvalidSearchException when {@code text} is not a valid regular expression (never for plain text)
     */
    public static SearchPattern of(String text, boolean plainText, boolean matchCase) throws InvalidSearchException {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty search");
        }
        int flags = matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        try {
            return new SearchPattern(text, plainText, matchCase,
                    Pattern.compile(plainText ? Pattern.quote(text) : text, flags));
        } catch (PatternSyntaxException e) {
            throw new InvalidSearchException(text, e);
        }
    }

    /** A regular expression, ignoring case: the window's default. */
    public static SearchPattern regex(String regex) throws InvalidSearchException {
        return of(regex, false, false);
    }

    public boolean matches(String frameName) {
        return pattern.matcher(frameName).find();
    }

    public String text() {
        return text;
    }

    public boolean plainText() {
        return plainText;
    }

    public boolean matchCase() {
        return matchCase;
    }

    /** The search as exports print it: {@code /regex/i}, or {@code "text"} for plain text. */
    public String describe() {
        String s = plainText ? "\"" + text + "\"" : "/" + text + "/";
        return matchCase ? s : s + "i";
    }

    /** The pattern as JavaScript's RegExp reads it (source and flags), for the HTML export's own search box. */
    public String javaScriptSource() {
        return plainText ? text.replaceAll("[\\\\^$.*+?()\\[\\]{}|/]", "\\\\$0") : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchPattern s && s.text.equals(text) && s.plainText == plainText
                && s.matchCase == matchCase;
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 4 + (plainText ? 2 : 0) + (matchCase ? 1 : 0);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A search that is not a valid regular expression; the message says where, in one sentence. */
    public static final class InvalidSearchException extends Exception {
        private InvalidSearchException(String text, PatternSyntaxException e) {
            super("\"" + text + "\" is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : "") + ".");
        }
    }
}
