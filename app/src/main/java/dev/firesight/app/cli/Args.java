package dev.firesight.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small parser for {@code --option value}, {@code --flag} and positional arguments. Unknown options
 * and missing values are usage errors with a sentence, not exceptions.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * @param valued options that take a value (aliases as separate entries, e.g. {@code -o})
     * @param switches options without a value
     */
    Args(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String inline = null;
            if (a.startsWith("--") && a.contains("=")) {
                inline = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            }
            if (valued.contains(a)) {
                if (inline == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(a + " needs a value.");
                    }
                    inline = args.get(++i);
                }
                values.put(a, inline);
                repeated.computeIfAbsent(a, k -> new ArrayList<>()).add(inline);
            } else if (switches.contains(a)) {
                flags.add(a);
            } else if (a.startsWith("-") && a.length() > 1 && !a.matches("-\\d.*")) {
                throw new UsageException("unknown option " + a + ".");
            } else {
                positional.add(a);
            }
        }
    }

    String value(String... names) {
        for (String n : names) {
            if (values.containsKey(n)) {
                return values.get(n);
            }
        }
        return null;
    }

    /** Every value given to an option that may be repeated, in order. */
    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
