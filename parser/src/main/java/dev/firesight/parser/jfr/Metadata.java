package dev.firesight.parser.jfr;

import java.util.HashMap;
import java.util.Map;

/**
 * The type table of one chunk, read from its metadata event. Nesting depth, string and element
 * counts are all checked, so a crafted metadata event cannot exhaust the stack or the heap.
 */
final class Metadata {
    private static final int MAX_DEPTH = 32;

    private final Map<Long, JfrType> byId = new HashMap<>();
    private final Map<String, JfrType> byName = new HashMap<>();
    final int position;

    private Metadata(int position) {
        this.position = position;
    }

    JfrType type(long id) {
        return byId.get(id);
    }

    JfrType type(String name) {
        return byName.get(name);
    }

    /** True when the metadata declares a type whose name starts with this prefix. */
    boolean declaresTypeStartingWith(String prefix) {
        for (String name : byName.keySet()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    long typeId(String name) {
        JfrType type = byName.get(name);
        return type == null ? -1 : type.id;
    }

    /** Reads the metadata event at {@code position}; the reader is left past it. */
    static Metadata read(ByteReader in, int position) {
        in.pos = position;
        int size = in.varint();
        if (size <= 0 || size > in.limit() - position) {
            throw new CorruptDataException("invalid metadata size " + size);
        }
        in.bound(position + size);
        try {
            return read(in, position, size);
        } finally {
            in.unbound();
        }
    }

    private static Metadata read(ByteReader in, int position, int size) {
        long type = in.varlong();
        if (type != 0) {
            throw new CorruptDataException("metadata event expected, found type " + type);
        }
        in.varlong(); // start time
        in.varlong(); // duration
        in.varlong(); // metadata id
        int stringCount = in.count();
        String[] strings = new String[ByteReader.allocatable(stringCount, 16)];
        for (int i = 0; i < stringCount; i++) {
            Object s = in.string();
            strings[i] = s instanceof String ? (String) s : "";
        }
        Metadata metadata = new Metadata(position);
        metadata.readElement(in, strings, 0, null);
        metadata.link();
        in.pos = position + size;
        return metadata;
    }

    /**
     * Walks the element tree. Only {@code class} and {@code field} elements matter to the reader;
     * the parent class is passed down so fields attach to their class.
     */
    private void readElement(ByteReader in, String[] strings, int depth, JfrType owner) {
        if (depth > MAX_DEPTH) {
            throw new CorruptDataException("metadata nested deeper than " + MAX_DEPTH);
        }
        String name = string(strings, in.varint());
        int attributeCount = in.count();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(string(strings, in.varint()), string(strings, in.varint()));
        }
        JfrType current = owner;
        if (name.equals("class")) {
            current = new JfrType(parseLong(attributes.get("id")), modernName(attributes.getOrDefault("name", "")),
                    attributes.get("superType"), "true".equals(attributes.get("simpleType")));
            byId.put(current.id, current);
            byName.put(current.name, current);
        } else if (name.equals("field") && owner != null) {
            owner.fields.add(new JfrField(attributes.getOrDefault("name", ""), parseLong(attributes.get("class")),
                    "true".equals(attributes.get("constantPool")), attributes.containsKey("dimension")));
        }
        int childCount = in.count();
        for (int i = 0; i < childCount; i++) {
            readElement(in, strings, depth + 1, name.equals("class") ? current : name.equals("field") ? null : owner);
        }
    }

    /**
     * The JDK 11+ name of a type from a JFR 1.0 recording (JDK 9 and 10), whose layout is that of format 2
     * but whose names carry Oracle's prefixes: events {@code com.oracle.jdk.X} are {@code jdk.X}, types
     * {@code com.oracle.jfr.types.X} are {@code jdk.types.X}, settings {@code com.oracle.jfr.settings.X} are
     * {@code jdk.settings.X}. Two events were also renamed (JMC maps them the same way). Other names are
     * returned as they are.
     */
    static String modernName(String name) {
        if (name.startsWith("com.oracle.")) {
            if (name.startsWith("com.oracle.jdk.")) {
                String event = name.substring("com.oracle.jdk.".length());
                return "jdk." + (event.equals("AllocationRequiringGc") ? "AllocationRequiringGC"
                        : event.equals("GCG1MMU") ? "G1MMU" : event);
            }
            if (name.startsWith("com.oracle.jfr.types.")) {
                return "jdk.types." + name.substring("com.oracle.jfr.types.".length());
            }
            if (name.startsWith("com.oracle.jfr.settings.")) {
                return "jdk.settings." + name.substring("com.oracle.jfr.settings.".length());
            }
        }
        return name;
    }

    private static String string(String[] strings, int index) {
        if (index < 0 || index >= strings.length) {
            throw new CorruptDataException("metadata string index out of range");
        }
        return strings[index];
    }

    private static long parseLong(String s) {
        if (s == null) {
            throw new CorruptDataException("metadata class without id");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CorruptDataException("metadata id is not a number");
        }
    }

    /** Resolves each field's type and decides how its bytes are encoded. */
    private void link() {
        for (JfrType type : byId.values()) {
            for (JfrField field : type.fields) {
                field.type = byId.get(field.typeId);
                field.encoding = encodingOf(field);
            }
        }
    }

    private static byte encodingOf(JfrField field) {
        if (field.constantPool) {
            return JfrField.VARINT;
        }
        if (field.type == null) {
            throw new CorruptDataException("field " + field.name + " has an undeclared type");
        }
        switch (field.type.name) {
            case "boolean":
            case "byte":
                return JfrField.BYTE;
            case "char":
            case "short":
            case "int":
            case "long":
                return JfrField.VARINT;
            case "float":
                return JfrField.FLOAT;
            case "double":
                return JfrField.DOUBLE;
            case "java.lang.String":
                return JfrField.STRING;
            default:
                return JfrField.STRUCT;
        }
    }
}
