package dev.firesight.parser;

import dev.firesight.parser.jfr.RecordingRedactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Finds recorded environment variables and system properties whose names look secret, and redacts
 * them (and the JVM's command-line arguments, which often carry the same values) for export.
 */
public final class Secrets {
    public static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|passwd|pwd|token|secret|key|credential|auth).*");

    private Secrets() {
    }

    /** The shell's working-directory variables contain "pwd" but hold no secret. */
    private static final java.util.Set<String> NOT_SECRET = java.util.Set.of("PWD", "OLDPWD");
    /** Holds the main class and the program's arguments, which may carry secrets. */
    public static final String COMMAND_PROPERTY = "sun.java.command";

    public static boolean looksSecret(String name) {
        return name != null && !NOT_SECRET.contains(name) && SECRET_NAME.matcher(name).matches();
    }

    /** "environment variable X" and "system property Y" for each secret-looking entry. */
    public static List<String> findings(RecordingInfo info) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : info.environment()) {
            if (holdsSecret(e)) {
                out.add("environment variable " + e.getKey());
            }
        }
        for (Map.Entry<String, String> e : info.systemProperties()) {
            if (holdsSecret(e)) {
                out.add("system property " + e.getKey());
            }
        }
        return out;
    }

    /** A secret-looking name with a value, or a value holding a credential (see {@link Credentials}). */
    private static boolean holdsSecret(Map.Entry<String, String> e) {
        return !e.getValue().isEmpty() && (looksSecret(e.getKey()) || Credentials.in(e.getValue()));
    }

    /** A one-sentence notice for the info panel, or null when nothing looks secret. */
    public static String notice(RecordingInfo info) {
        List<String> found = findings(info);
        if (found.isEmpty()) {
            return null;
        }
        String list = String.join(", ", found.subList(0, Math.min(5, found.size())))
                + (found.size() > 5 ? " and " + (found.size() - 5) + " more" : "");
        return "This recording contains values that look secret (" + list + "); share a redacted copy"
                + " (File \u25b8 Save Redacted Copy, or firesight redact) rather than the file itself.";
    }

    /**
     * The same facts with secret-looking values, credentials inside other values, the values of the JVM's
     * secret-looking options and the program's arguments replaced by {@link #REDACTED}. The rest of the JVM's
     * arguments stays readable: {@code -Xmx} and GC flags are what a reader of a profile looks for.
     */
    public static RecordingInfo redact(RecordingInfo info) {
        return new RecordingInfo(info.path(), info.fileSize(), info.producer(), info.startNanos(),
                info.durationNanos(), info.chunkCount(), info.jvmName(), info.jvmVersion(),
                redactJvmArguments(info.jvmArguments()), redactArguments(info.javaArguments()), info.pid(),
                info.osVersion(), info.cpu(), info.eventCounts(), redact(info.systemProperties()),
                redact(info.environment()));
    }

    private static List<Map.Entry<String, String>> redact(List<Map.Entry<String, String>> entries) {
        List<Map.Entry<String, String>> out = new ArrayList<>(entries.size());
        for (Map.Entry<String, String> e : entries) {
            if (looksSecret(e.getKey())) {
                out.add(Map.entry(e.getKey(), REDACTED));
            } else if (e.getKey().equals(COMMAND_PROPERTY)) {
                out.add(Map.entry(e.getKey(), redactArguments(e.getValue())));
            } else {
                out.add(Map.entry(e.getKey(), Credentials.redact(e.getValue())));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The JVM's arguments with the value of each option whose name looks secret ({@code -Dapi.token=...},
     * {@code -XX:SomeKey=...}; any words after it up to the next option too, since a quoted value may hold
     * spaces) and every credential inside the others replaced by {@link #REDACTED}.
     */
    static String redactJvmArguments(String arguments) {
        if (arguments == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(arguments.length());
        boolean hiding = false;
        java.util.regex.Matcher words = Pattern.compile("\\S+|\\s+").matcher(arguments);
        while (words.find()) {
            String word = words.group();
            if (Character.isWhitespace(word.charAt(0))) {
                out.append(word);
                continue;
            }
            int eq = word.indexOf('=');
            if (word.startsWith("-")) {
                String name = eq < 0 ? word : word.substring(0, eq);
                name = name.replaceFirst("^-(D|XX:[+-]?|-)", "");
                hiding = eq > 0 && looksSecret(name);
                out.append(hiding ? word.substring(0, eq + 1) + REDACTED : Credentials.redact(word));
            } else {
                out.append(hiding ? REDACTED : Credentials.redact(word));
            }
        }
        return out.toString();
    }

    /** Keeps the main class (the first word, without any credential in it) and redacts the program's arguments. */
    static String redactArguments(String javaArguments) {
        if (javaArguments == null) {
            return null;
        }
        int kept = mainWordLength(javaArguments);
        String main = Credentials.redact(javaArguments.substring(0, kept).trim());
        return kept == javaArguments.length() ? main : main + " " + REDACTED;
    }

    /**
     * The characters of a recorded value that a redacted copy masks: all of it when its name looks secret
     * (or cannot be read), the program's arguments of a command line, and any credential inside it.
     *
     * @param key           the value's name (an environment variable or property), or null when it has none
     * @param wholeValue    mask all of it (the JVM's own arguments and flags)
     * @param isCommandLine a command line: its first word (the main class or program) stays readable
     */
    public static BitSet toMask(String key, boolean hasKey, String value, boolean wholeValue, boolean isCommandLine) {
        BitSet mask = Credentials.find(value);
        int from = value.length();
        if (wholeValue || hasKey && (key == null || looksSecret(key))) {
            from = 0;
        } else if (isCommandLine || hasKey && COMMAND_PROPERTY.equals(key)) {
            from = mainWordLength(value);
        }
        mask.set(from, value.length());
        return mask;
    }

    /**
     * The length of a command line's leading part that may stay readable: any leading blanks and the first
     * word (the main class, jar or program); the arguments after it may carry secrets.
     */
    public static int mainWordLength(String commandLine) {
        int i = 0;
        int n = commandLine.length();
        while (i < n && Character.isWhitespace(commandLine.charAt(i))) {
            i++;
        }
        while (i < n && !Character.isWhitespace(commandLine.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Writes a copy of a recording with secret-looking values, the JVM's arguments and the program's
     * arguments masked by {@code *}, readable by any JFR reader; see {@link RecordingRedactor}.
     */
    public static Redaction writeRedactedCopy(Path source, Path target, BooleanSupplier cancelled)
            throws RecordingException {
        Recordings.requireRegularFile(source);
        RecordingRedactor.Result r = RecordingRedactor.redact(source, target, LoadOptions.DEFAULT_MAX_DECOMPRESSED,
                cancelled);
        return new Redaction(r.chunks(), r.maskedValues());
    }

    /** What a redacted copy holds: how many chunks were copied and how many values masked. */
    public record Redaction(int chunks, int maskedValues) {
    }

}
