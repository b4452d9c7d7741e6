package dev.firesight.parser.jfr;

import java.util.ArrayList;
import java.util.List;

/** One type declared in a chunk's metadata: an event, a constant-pool type or a plain struct. */
final class JfrType {
    final long id;
    final String name;
    final String superType;
    final boolean simpleType;
    final List<JfrField> fields = new ArrayList<>();

    JfrType(long id, String name, String superType, boolean simpleType) {
        this.id = id;
        this.name = name;
        this.superType = superType;
        this.simpleType = simpleType;
    }

    int fieldIndex(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name.equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
