package dev.firesight.parser.jfr;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the fields of one type in order, keeping only the wanted ones as longs in a slot array. It is
 * the hot path for sample events and stack frames: wanted fields are integers or constant-pool ids,
 * everything else is skipped by its encoding without allocating.
 */
final class FieldReader {
    private final JfrField[] fields;
    private final int[] slotOf;
    private final boolean plain;

    /** @param wanted field names; the index in this array is the slot the value goes to */
    FieldReader(JfrType type, String... wanted) {
        List<JfrField> list = type.fields;
        fields = list.toArray(new JfrField[0]);
        slotOf = new int[fields.length];
        Arrays.fill(slotOf, -1);
        boolean allVarint = true;
        for (int i = 0; i < fields.length; i++) {
            JfrField f = fields[i];
            for (int s = 0; s < wanted.length; s++) {
                if (f.name.equals(wanted[s]) && !f.array
                        && (f.encoding == JfrField.VARINT || f.encoding == JfrField.BYTE)) {
                    slotOf[i] = s;
                }
            }
            allVarint &= !f.array && f.encoding == JfrField.VARINT;
        }
        plain = allVarint;
    }

    /** True when the type has a field of this name that can be read into a slot. */
    static boolean has(JfrType type, String name) {
        for (JfrField f : type.fields) {
            if (f.name.equals(name)) {
                return !f.array && (f.encoding == JfrField.VARINT || f.encoding == JfrField.BYTE);
            }
        }
        return false;
    }

    void read(ByteReader in, long[] slots) {
        JfrField[] fs = fields;
        int[] slot = slotOf;
        if (plain) {
            for (int i = 0; i < fs.length; i++) {
                long v = in.varlong();
                int s = slot[i];
                if (s >= 0) {
                    slots[s] = v;
                }
            }
            return;
        }
        for (int i = 0; i < fs.length; i++) {
            JfrField f = fs[i];
            int s = slot[i];
            if (s >= 0) {
                slots[s] = f.encoding == JfrField.BYTE ? in.u1() : in.varlong();
            } else if (!f.array && f.encoding == JfrField.VARINT) {
                in.varlong();
            } else {
                Values.skip(in, f, 0);
            }
        }
    }
}
