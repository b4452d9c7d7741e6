package dev.firesight.parser.jfr;

import java.util.List;

/**
 * Generic skipping and decoding of field values, driven by the metadata. The hot sample events use
 * {@link EventLayout} instead; this serves constant pools and the low-volume events (GC, CPU load,
 * JVM information). Struct nesting is bounded so hostile metadata cannot recurse without end.
 */
final class Values {
    private static final int MAX_DEPTH = 16;

    private Values() {
    }

    static void skipFields(ByteReader in, JfrType type, int depth) {
        List<JfrField> fields = type.fields;
        for (int i = 0, n = fields.size(); i < n; i++) {
            skip(in, fields.get(i), depth);
        }
    }

    static void skip(ByteReader in, JfrField field, int depth) {
        if (field.array) {
            int n = in.count();
            for (int i = 0; i < n; i++) {
                skipOne(in, field, depth);
            }
        } else {
            skipOne(in, field, depth);
        }
    }

    private static void skipOne(ByteReader in, JfrField field, int depth) {
        switch (field.encoding) {
            case JfrField.VARINT:
                in.varlong();
                break;
            case JfrField.BYTE:
                in.skip(1);
                break;
            case JfrField.FLOAT:
                in.skip(4);
                break;
            case JfrField.DOUBLE:
                in.skip(8);
                break;
            case JfrField.STRING:
                in.skipString();
                break;
            default:
                if (depth >= MAX_DEPTH) {
                    throw new CorruptDataException("values nested deeper than " + MAX_DEPTH);
                }
                skipFields(in, field.type, depth + 1);
        }
    }

    /** Decodes all fields of {@code type} into an array, one element per field. */
    static Object[] decodeFields(ByteReader in, JfrType type, int depth) {
        List<JfrField> fields = type.fields;
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = decode(in, fields.get(i), depth);
        }
        return values;
    }

    static Object decode(ByteReader in, JfrField field, int depth) {
        if (field.array) {
            int n = in.count();
            Object[] items = new Object[ByteReader.allocatable(n, 16)];
            for (int i = 0; i < n; i++) {
                items[i] = decodeOne(in, field, depth);
            }
            return items;
        }
        return decodeOne(in, field, depth);
    }

    private static Object decodeOne(ByteReader in, JfrField field, int depth) {
        switch (field.encoding) {
            case JfrField.VARINT: {
                long v = in.varlong();
                return field.constantPool ? new PoolRef(field.typeId, v) : (Object) v;
            }
            case JfrField.BYTE:
                return (long) in.u1();
            case JfrField.FLOAT:
                return (double) in.f4();
            case JfrField.DOUBLE:
                return in.f8();
            case JfrField.STRING:
                return in.string();
            default:
                if (depth >= MAX_DEPTH) {
                    throw new CorruptDataException("values nested deeper than " + MAX_DEPTH);
                }
                return decodeFields(in, field.type, depth + 1);
        }
    }
}
