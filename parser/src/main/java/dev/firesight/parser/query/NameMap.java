package dev.firesight.parser.query;

import dev.firesight.parser.Profile;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates name and thread ids of one profile into another's by their names: what keeps a live
 * recording's zoom, selected method and thread filter in place when a newer snapshot replaces the profile,
 * since each profile interns names afresh.
 */
public final class NameMap {
    private final Profile from;
    private final Profile to;
    private final Map<String, Integer> names = new HashMap<>();

    public NameMap(Profile from, Profile to) {
        this.from = from;
        this.to = to;
        for (int i = 0; i < to.frames().nameCount(); i++) {
            names.putIfAbsent(to.frames().nameOf(i), i);
        }
    }

    /** The id of the same name in the new profile, or -1 when it is gone (or {@code id} is no name). */
    public int name(int id) {
        if (id < 0 || id >= from.frames().nameCount()) {
            return -1;
        }
        return names.getOrDefault(from.frames().nameOf(id), -1);
    }

    /** A path of name ids (a zoom) in the new profile's ids, as far as every name on it still exists. */
    public int[] path(int[] ids) {
        if (ids == null) {
            return new int[0];
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = name(ids[i]);
            if (out[i] < 0) {
                return Arrays.copyOf(out, i);
            }
        }
        return out;
    }

    /**
     * Thread ids in the new profile's ids, by thread name; null (all threads) stays null, and the same set
     * is returned when nothing changed, so a caller can tell whether to re-filter.
     */
    public BitSet threads(BitSet ids) {
        if (ids == null) {
            return null;
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int t = 0; t < to.threadCount(); t++) {
            byName.putIfAbsent(to.threadName(t), t);
        }
        BitSet out = new BitSet();
        for (int t = ids.nextSetBit(0); t >= 0 && t < from.threadCount(); t = ids.nextSetBit(t + 1)) {
            Integer n = byName.get(from.threadName(t));
            if (n != null) {
                out.set(n);
            }
        }
        return out.equals(ids) ? ids : out;
    }
}
