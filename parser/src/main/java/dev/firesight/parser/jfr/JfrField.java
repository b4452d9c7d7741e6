package dev.firesight.parser.jfr;

/** A field of a metadata type, with the encoding the reader uses for it once types are linked. */
final class JfrField {
    /** A varint: int, long, short, char, or a constant-pool reference. */
    static final byte VARINT = 0;
    /** One byte: boolean or byte. */
    static final byte BYTE = 1;
    static final byte FLOAT = 2;
    static final byte DOUBLE = 3;
    static final byte STRING = 4;
    /** An inline struct of another type's fields. */
    static final byte STRUCT = 5;

    final String name;
    final long typeId;
    final boolean constantPool;
    final boolean array;
    byte encoding;
    JfrType type;

    JfrField(String name, long typeId, boolean constantPool, boolean array) {
        this.name = name;
        this.typeId = typeId;
        this.constantPool = constantPool;
        this.array = array;
    }
}
