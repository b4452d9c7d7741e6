package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IdIntMap;

/**
 * A chunk's stack keys (stack and class reference pairs) by their chunk-local number, read from the map that
 * numbers them ({@link IdIntMap#keys}) a range at a time: a chunk's stacks are resolved in key order, and a
 * range of keys takes a megabyte where all of a deep recording's took ten.
 */
final class LocalStackKeys {
    private static final int RANGE = 1 << 16;

    private final IdIntMap numbered;
    private long[][] range;
    private int rangeFrom;

    LocalStackKeys(IdIntMap numbered) {
        this.numbered = numbered;
    }

    long stackRef(int key) {
        return at(key)[0][key - rangeFrom];
    }

    long classRef(int key) {
        return at(key)[1][key - rangeFrom];
    }

    private long[][] at(int key) {
        if (range == null || key < rangeFrom || key >= rangeFrom + range[0].length) {
            rangeFrom = key;
            range = numbered.keys(key, Math.min(numbered.size(), key + RANGE));
        }
        return range;
    }
}
