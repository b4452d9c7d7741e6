package dev.firesight.parser.jfr;

/** A not-yet-resolved reference into a chunk's constant pool of the given type. */
record PoolRef(long typeId, long id) {
    /** Marks references made through string encoding 2, which point at the java.lang.String pool. */
    static final long STRING_POOL = -2;
}
