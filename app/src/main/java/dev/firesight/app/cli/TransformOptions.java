package dev.firesight.app.cli;

import dev.firesight.parser.query.InvalidTransformException;
import dev.firesight.parser.query.Transform;
import dev.firesight.parser.query.Transforms;

import java.util.List;
import java.util.Set;

/**
 * {@code --transform SPEC} (repeatable, applied in order) and {@code --only-my-code}, the window's
 * transforms on the command line. Read before the recording is loaded, so a bad one is a usage error first.
 */
final class TransformOptions {
    static final Set<String> VALUED = Set.of("--transform");
    static final Set<String> SWITCHES = Set.of("--only-my-code");
    static final String USAGE = "[--transform merge=RE|collapse-recursion[=RE]|collapse-direct-recursion[=RE]"
            + "|collapse=PACKAGE|only-my-code[=PREFIX,...]]... [--only-my-code]";

    private TransformOptions() {
    }

    static Transforms of(Args args) throws UsageException {
        Transforms t = Transforms.none();
        for (String spec : args.all("--transform")) {
            try {
                t = t.with(Transforms.parse(spec));
            } catch (InvalidTransformException e) {
                throw new UsageException("--transform " + e.getMessage());
            }
        }
        return args.flag("--only-my-code") ? t.with(Transform.OnlyMyCode.hiding(List.of())) : t;
    }
}
