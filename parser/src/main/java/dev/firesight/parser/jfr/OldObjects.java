package dev.firesight.parser.jfr;

import dev.firesight.parser.OldObjectSample;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code jdk.OldObjectSample} events: the sampled object's class, its allocation stack, and the chain
 * of references that kept it alive. Everything an object points to is a constant-pool entry, so a chain is
 * followed through the chunk's pools; a damaged or missing entry ends the chain there, keeping the sample.
 */
final class OldObjects {
    /** Longer chains are cut: JFR itself stops its search for a path at a depth of about 5,000. */
    private static final int MAX_CHAIN = 256;
    /** How JFR describes a {@code java.lang.Class} object: "Class Name: com.example.AuditLog". */
    private static final String CLASS_NAME = "Class Name: ";

    private final ConstantPools pools;
    private final JfrType objectType;
    private final JfrType referenceType;
    private final JfrType arrayType;
    private final JfrType fieldType;
    private final JfrType rootType;

    OldObjects(ConstantPools pools) {
        this.pools = pools;
        Metadata md = pools.metadata();
        objectType = md.type("jdk.types.OldObject");
        referenceType = md.type("jdk.types.Reference");
        arrayType = md.type("jdk.types.OldObjectArray");
        fieldType = md.type("jdk.types.OldObjectField");
        rootType = md.type("jdk.types.OldObjectGcRoot");
    }

    /** The sample, given its event's fields decoded, its resolved stack, its time conversion and its JVM. */
    OldObjectSample sample(GenericEvent event, int stack, ChunkHeader header, int source) {
        Object[] object = struct(event.rawValue("object"));
        String className = object == null ? null : className(field(object, objectType, "type"));
        List<String> referrers = new ArrayList<>();
        Object[] reference = object == null ? null : struct(field(object, objectType, "referrer"));
        while (reference != null && referrers.size() < MAX_CHAIN) {
            Object[] holder = struct(field(reference, referenceType, "object"));
            if (holder == null) {
                break;
            }
            String step = holderName(holder);
            Object[] fieldInfo = struct(field(reference, referenceType, "field"));
            Object[] arrayInfo = struct(field(reference, referenceType, "array"));
            if (fieldInfo != null) {
                step += "." + pools.text(field(fieldInfo, fieldType, "name"));
            } else if (arrayInfo != null) {
                step += "[" + number(field(arrayInfo, arrayType, "index")) + "]";
            }
            long skip = number(field(reference, referenceType, "skip"));
            referrers.add(skip > 0 ? step + " (" + skip + " more hops)" : step);
            reference = struct(field(holder, objectType, "referrer"));
        }
        String rootText = rootText(struct(event.rawValue("root")));
        long size = event.numberValue("objectSize");
        long elements = event.numberValue("arrayElements");
        return new OldObjectSample(stack, className == null ? "null" : Names.className(className),
                header.toNanos(event.numberValue("startTime")), header.toNanos(event.numberValue("allocationTime")),
                size, elements >= 0 && elements < Integer.MAX_VALUE ? (int) elements : -1, List.copyOf(referrers),
                rootText == null || rootText.isEmpty() ? null : rootText, source);
    }

    /**
     * A holder as code names it: its class, or, for a {@code java.lang.Class} object (which holds the static
     * fields of the class it stands for), that class, so that a static field reads {@code AuditLog.ENTRIES}.
     */
    private String holderName(Object[] holder) {
        String internal = className(field(holder, objectType, "type"));
        String name = internal == null ? "(unknown class)" : Names.className(internal);
        String description = pools.text(field(holder, objectType, "description"));
        if (name.equals("java.lang.Class") && description != null && description.startsWith(CLASS_NAME)) {
            return description.substring(CLASS_NAME.length()).trim();
        }
        return name;
    }

    /** The root's description, else its subsystem and kind ("VM Global, Global Object Handle"). */
    private String rootText(Object[] root) {
        if (root == null) {
            return null;
        }
        String description = pools.text(field(root, rootType, "description"));
        if (description != null && !description.isEmpty() && !description.equals("N/A")) {
            return description;
        }
        String system = pools.text(field(root, rootType, "system"));
        String type = pools.text(field(root, rootType, "type"));
        return system == null ? type : type == null ? system : system + ", " + type;
    }

    /** The class reference of the sampled object, to resolve its allocation stack with the class as leaf. */
    long classRef(GenericEvent event) {
        Object[] object = struct(event.rawValue("object"));
        Object type = object == null ? null : field(object, objectType, "type");
        return type instanceof PoolRef ? ((PoolRef) type).id() : 0;
    }

    private Object[] struct(Object value) {
        Object v = value instanceof PoolRef ? pools.entry((PoolRef) value) : value;
        return v instanceof Object[] ? (Object[]) v : null;
    }

    private static Object field(Object[] fields, JfrType type, String name) {
        int i = type == null ? -1 : type.fieldIndex(name);
        return i < 0 || i >= fields.length ? null : fields[i];
    }

    private String className(Object classRef) {
        return pools.className(classRef);
    }

    private static long number(Object v) {
        return v instanceof Long ? (Long) v : -1;
    }
}
