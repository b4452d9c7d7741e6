package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;
import dev.firesight.parser.util.IdIntMap;

import java.util.BitSet;

/**
 * A chunk's stacks resolved before its end, on the assumption that the chunk is intact: by partial profiles
 * (from the pools read ahead) or by the stack thread. They are the chunk's answers per chunk-local stack key
 * (global stack, or -1 for none), in key order, with the resolver that gave them; the chunk's own resolve
 * takes them over when the assumption held, so every stack is resolved once and interned in the same order,
 * and forgets them when it did not.
 */
final class EarlyStacks {
    private StackResolver resolver;
    private final IntList stacks = new IntList();
    private final BitSet truncated = new BitSet();
    /** The builder's count of cut stacks before the first early one, restored when they are forgotten. */
    private long cutStacksBefore;

    /** The resolver that gave them, or null when none were resolved early. */
    StackResolver resolver() {
        return resolver;
    }

    /** The early answers, one per chunk-local key from 0. */
    IntList stacks() {
        return stacks;
    }

    int size() {
        return stacks.size();
    }

    int stack(int key) {
        return stacks.get(key);
    }

    /** Whether the early answer for {@code key} is a stack cut short. */
    boolean truncated(int key) {
        return truncated.get(key);
    }

    /**
     * Resolves the keys met since the last call, with a resolver {@code first} makes the first time (the
     * builder's cut-stack count is kept then, for {@link #forget}); {@code check} runs every 4,096 keys.
     */
    void resolve(IdIntMap keys, ProfileBuilder builder, java.util.function.Supplier<StackResolver> first,
                 Runnable check) {
        if (resolver == null) {
            cutStacksBefore = builder.cutStacks;
            resolver = first.get();
        }
        LocalStackKeys refs = new LocalStackKeys(keys);
        for (int k = stacks.size(); k < keys.size(); k++) {
            if ((k & 0xFFF) == 0xFFF) {
                check.run();
            }
            stacks.add(resolver.stack(refs.stackRef(k), refs.classRef(k)));
            truncated.set(k, resolver.lastTruncated);
        }
    }

    /** Takes the stack thread's answers, and the resolver the chunk's resolve goes on with. */
    void takeOver(IntList answers, BitSet cut, StackResolver goOn) {
        for (int k = 0; k < answers.size(); k++) {
            stacks.add(answers.get(k));
        }
        truncated.or(cut);
        resolver = goOn;
    }

    /** Drops the early answers (the chunk was not as assumed): its stacks are resolved afresh. */
    void forget(ProfileBuilder builder) {
        if (resolver == null) {
            return;
        }
        builder.cutStacks = cutStacksBefore;
        resolver = null;
        stacks.clear();
        truncated.clear();
    }
}
