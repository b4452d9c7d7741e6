package dev.firesight.parser;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials inside values whose names give nothing away: {@code DATABASE_URL=postgres://u:pw@h/db},
 * {@code -Dspring.datasource.url=jdbc:postgresql://u:pw@h/db}, a command line holding {@code token=...}.
 * What it finds:
 * <ul>
 *   <li>the user-info of a URL of any scheme ({@code scheme://user:password@host});</li>
 *   <li>the value of a {@code password=}, {@code token=}, {@code secret=}, {@code api_key=}, ... pair (also
 *       with {@code :}, and with any prefix such as {@code db.password=});</li>
 *   <li>bearer and basic authorization tokens ({@code Bearer eyJ...});</li>
 *   <li>well-known key formats: AWS access key ids, GitHub, Slack and Google API tokens, and the body of a
 *       PEM private key block.</li>
 * </ul>
 * Used by the redacted copy (which masks the characters byte for byte) and by the info panel (which shows
 * {@link Secrets#REDACTED} in their place), so both hide the same things.
 */
public final class Credentials {
    /** Each pattern's group 1 is the credential. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://([^\\s/?#@]+)@"),
            Pattern.compile("(?i)(?:password|passwd|pwd|passphrase|token|secret|api[-_.]?key|access[-_.]?key"
                    + "|private[-_.]?key|credentials?)[\\w.-]*[\"']?\\s*[=:]\\s*(\"[^\"]*\"|'[^']*'|[^\\s&;,\"']+)"),
            Pattern.compile("(?i)\\b(?:bearer|basic)\\s+([A-Za-z0-9._~+/-]{8,}=*)"),
            Pattern.compile("\\b((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})\\b"),
            Pattern.compile("\\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
            Pattern.compile("\\b(xox[abprs]-[A-Za-z0-9-]{10,})"),
            Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})"),
            Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----([\\s\\S]*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)"));

    private Credentials() {
    }

    /** The characters of {@code value} that are credentials (empty when none). */
    public static BitSet find(String value) {
        BitSet found = new BitSet();
        if (value == null || value.isEmpty()) {
            return found;
        }
        for (Pattern pattern : PATTERNS) {
            Matcher m = pattern.matcher(value);
            while (m.find()) {
                if (m.end(1) > m.start(1)) {
                    found.set(m.start(1), m.end(1));
                }
            }
        }
        return found;
    }

    /** True when {@code value} holds a credential. */
    public static boolean in(String value) {
        return !find(value).isEmpty();
    }

    /** {@code value} with each credential replaced by {@link Secrets#REDACTED}, for showing on screen. */
    public static String redact(String value) {
        BitSet found = find(value);
        if (found.isEmpty()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        for (int start = found.nextSetBit(0); start >= 0; start = found.nextSetBit(i)) {
            int end = found.nextClearBit(start);
            out.append(value, i, start).append(Secrets.REDACTED);
            i = end;
        }
        return out.append(value.substring(i)).toString();
    }
}
