package dev.firesight.parser.query;

import java.util.regex.Pattern;

/**
 * Strips the run-specific parts of hidden-class names, such as {@code Foo$$Lambda$88+0x00007f703c007a08}
 * or {@code LambdaForm$MH.0x00007fef84003800}, so the same lambda matches across two recordings.
 */
public final class HiddenClassNames {
    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda(\\$\\d+)?([+./]0x[0-9a-fA-F]+)?(\\.\\d+)?");
    private static final Pattern ADDRESS = Pattern.compile("[+./]0x[0-9a-fA-F]{6,}(\\.\\d+)?");

    private HiddenClassNames() {
    }

    public static String normalize(String name) {
        if (name.indexOf("0x") < 0 && name.indexOf("$$Lambda") < 0) {
            return name;
        }
        String s = LAMBDA.matcher(name).replaceAll("\\$\\$Lambda");
        return ADDRESS.matcher(s).replaceAll("");
    }
}
