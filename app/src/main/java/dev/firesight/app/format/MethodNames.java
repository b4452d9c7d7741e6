package dev.firesight.app.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Frame names as tables show them: the class and method, which is what people scan for, with just enough
 * of the package to tell apart two methods that would otherwise read the same ({@code a.Main.compile} and
 * {@code b.Main.compile}). The full name goes in the tooltip.
 */
public final class MethodNames {
    /** A hidden class's address ({@code +0x0000...} or {@code .0x0000...}) and its numeric id segment. */
    private static final Pattern HIDDEN_ADDRESS = Pattern.compile("[+.]0x[0-9a-fA-F]+");
    private static final Pattern HIDDEN_ID = Pattern.compile("\\.\\d+(?=\\.)");

    private MethodNames() {
    }

    /**
     * "java.util.HashMap.put" → "HashMap.put", "java.lang.String" → "String": the class and method, or the
     * class alone for a class frame (as allocation views name them).
     */
    public static String shortName(String name) {
        return qualified(name, 0);
    }

    /**
     * Each name's {@link #shortName}, qualified by as many more package segments as it takes for no two
     * different names to read the same, or in full where no number of segments does.
     */
    public static Map<String, String> unique(Collection<String> names) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(names));
        Map<String, Integer> extra = new HashMap<>();
        Map<String, String> label = new HashMap<>();
        for (String n : distinct) {
            extra.put(n, 0);
            label.put(n, qualified(n, 0));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> same : byLabel(distinct, label).values()) {
                if (same.size() < 2) {
                    continue;
                }
                for (String n : same) {
                    String longer = qualified(n, extra.get(n) + 1);
                    if (!longer.equals(label.get(n))) {
                        extra.merge(n, 1, Integer::sum);
                        label.put(n, longer);
                        changed = true;
                    }
                }
            }
        }
        // What even the whole package cannot tell apart (overloads, which differ only in their signature, or
        // hidden classes' numbered suffixes) reads as its full name.
        for (List<String> same : byLabel(distinct, label).values()) {
            if (same.size() > 1) {
                same.forEach(n -> label.put(n, n));
            }
        }
        return label;
    }

    private static Map<String, List<String>> byLabel(List<String> names, Map<String, String> label) {
        Map<String, List<String>> out = new HashMap<>();
        for (String n : names) {
            out.computeIfAbsent(label.get(n), k -> new ArrayList<>()).add(n);
        }
        return out;
    }

    /** The name from its class on, with {@code extra} more package segments before the class. */
    static String qualified(String name, int extra) {
        int paren = name.indexOf('(');
        String head = paren >= 0 ? name.substring(0, paren) : name;
        String[] parts = head.split("\\.");
        String last = parts[parts.length - 1];
        int cls;
        if (!last.isEmpty() && (Character.isUpperCase(last.charAt(0)) || last.endsWith("[]"))) {
            cls = parts.length - 1; // a class, as allocation views name frames: java.lang.String → String
        } else if (parts.length < 3) {
            return name;
        } else {
            cls = parts.length - 2;
            while (cls > 0 && (parts[cls].isEmpty() || Character.isDigit(parts[cls].charAt(0)))) {
                cls--; // a lambda's or hidden class's numeric suffix: keep the class before it
            }
        }
        int start = 0;
        for (int i = 0; i < Math.max(0, cls - extra); i++) {
            start += parts[i].length() + 1;
        }
        String tail = name.substring(start);
        // a hidden class's address and id say nothing to a reader: Foo$$Lambda$89+0x0000.123.run → Foo$$Lambda$89.run.
        // The patterns are compiled once and tried only on names that can hold them: the hot methods of a 228 MiB
        // recording (14,626 names, each labelled at least once per query) spent 0.3 s compiling them per call.
        if (tail.contains("0x")) {
            tail = HIDDEN_ADDRESS.matcher(tail).replaceAll("");
        }
        return hasNumericSegment(tail) ? HIDDEN_ID.matcher(tail).replaceAll("") : tail;
    }

    /** Whether a dot in the name is followed by a digit (what {@link #HIDDEN_ID} looks for). */
    private static boolean hasNumericSegment(String name) {
        for (int i = name.indexOf('.'); i >= 0 && i + 1 < name.length(); i = name.indexOf('.', i + 1)) {
            if (Character.isDigit(name.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
