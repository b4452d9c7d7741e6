package dev.firesight.app.window;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.query.StackWeights;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * What a search matches in the current query: the weight of the samples with at least one frame whose
 * name contains the text (ignoring case), and how many distinct names match.
 */
public record SearchMatches(String text, long matchedWeight, long totalWeight, int matchedNames) {
    public static final SearchMatches NONE = new SearchMatches("", 0, 0, 0);

    public double fraction() {
        return totalWeight == 0 ? 0 : (double) matchedWeight / totalWeight;
    }

    public static boolean matches(String name, String lowerText) {
        return name.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    public static SearchMatches of(Profile profile, StackWeights weights, String text, BooleanSupplier cancelled) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        byte[] nameMatch = new byte[frames.nameCount()];
        int names = 0;
        long matched = 0;
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 1023) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("search was cancelled");
            }
            int stack = weights.stack(i);
            boolean hit = false;
            for (int d = 0, depth = stacks.depth(stack); d < depth; d++) {
                int name = frames.nameId(stacks.frame(stack, d));
                byte m = nameMatch[name];
                if (m == 0) {
                    m = matches(frames.nameOf(name), lower) ? (byte) 1 : (byte) 2;
                    nameMatch[name] = m;
                    if (m == 1) {
                        names++;
                    }
                }
                hit |= m == 1;
            }
            if (hit) {
                matched += weights.weight(i);
            }
        }
        return new SearchMatches(text, matched, weights.total(), names);
    }
}
