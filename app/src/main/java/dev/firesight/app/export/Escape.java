package dev.firesight.app.export;

import dev.firesight.app.flame.model.FrameText;

/**
 * Escaping for every context a name is written into. Names first pass through
 * {@link FrameText#display}, which turns control characters, bidirectional overrides, lone surrogates
 * and non-characters into U+FFFD; what remains is then escaped for its context, so a frame or thread
 * name can only ever be text.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * For XML or HTML text and attribute values (quoted with either quote): {@code & < > " '} become
     * entities, so neither {@code ]]>} nor a closing tag can survive. The result has only characters
     * allowed in XML 1.0.
     */
    public static String xml(String s) {
        String d = FrameText.display(s);
        StringBuilder out = null;
        for (int i = 0, n = d.length(); i < n; i++) {
            char c = d.charAt(i);
            String rep;
            switch (c) {
                case '&':
                    rep = "&amp;";
                    break;
                case '<':
                    rep = "&lt;";
                    break;
                case '>':
                    rep = "&gt;";
                    break;
                case '"':
                    rep = "&quot;";
                    break;
                case '\'':
                    rep = "&#39;";
                    break;
                default:
                    rep = null;
            }
            if (rep != null && out == null) {
                out = new StringBuilder(n + 16).append(d, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? d : out.toString();
    }

    /** Like {@link #xml} for text of several lines: each line is escaped, line breaks are kept. */
    public static String xmlLines(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(xml(lines[i]));
        }
        return out.toString();
    }

    /**
     * A JSON string literal, quotes included, safe inside an HTML {@code <script>} element: everything
     * outside printable ASCII and each of {@code < > & ' "} and backslash is a {@code \\uXXXX} or
     * backslash escape, so {@code </script>}, {@code <!--}, U+2028 and U+2029 cannot appear.
     */
    public static String json(String s) {
        String d = FrameText.display(s);
        StringBuilder out = new StringBuilder(d.length() + 2).append('"');
        appendJson(out, d);
        return out.append('"').toString();
    }

    static void appendJson(StringBuilder out, String d) {
        for (int i = 0, n = d.length(); i < n; i++) {
            char c = d.charAt(i);
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&' || c == '\'' || c == '/') {
                out.append("\\u").append(Character.forDigit((c >> 12) & 0xf, 16))
                        .append(Character.forDigit((c >> 8) & 0xf, 16))
                        .append(Character.forDigit((c >> 4) & 0xf, 16))
                        .append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
    }
}
