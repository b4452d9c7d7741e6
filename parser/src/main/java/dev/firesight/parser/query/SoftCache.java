package dev.firesight.parser.query;

import java.lang.ref.SoftReference;
import java.util.function.Supplier;

/**
 * One value derived from a profile, built at most once at a time and held softly: under memory pressure it is
 * better rebuilt than kept. Keep one in {@link dev.firesight.parser.Profile#derived}.
 */
final class SoftCache<T> {
    private SoftReference<T> value = new SoftReference<>(null);

    synchronized T get(Supplier<T> build) {
        T t = value.get();
        if (t == null) {
            t = build.get();
            value = new SoftReference<>(t);
        }
        return t;
    }
}
