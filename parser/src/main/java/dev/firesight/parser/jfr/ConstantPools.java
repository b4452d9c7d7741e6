package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IdIntMap;
import dev.firesight.parser.util.LongIntMap;

import java.util.HashMap;
import java.util.Map;

/**
 * The constant pools of one chunk. Stack traces, by far the largest pool, are not decoded here: only
 * each entry's position is kept, and a stack is decoded when a sample needs it. Other pools are decoded
 * generically into field arrays, strings and symbols into strings.
 */
final class ConstantPools {
    private final Metadata metadata;
    private final long stringTypeId;
    private final long stackTraceTypeId;
    private final IdIntMap stackPositions = new IdIntMap();
    private final StackTraceSkipper stackSkipper;
    private final Map<Long, Map<Long, Object>> pools = new HashMap<>();
    private int entriesRead;
    /**
     * Told the reader's position every 64K entries while set: pools read ahead of the events report progress
     * with it, as a large pool (async-profiler writes all of them in one event) is much of a file.
     */
    java.util.function.IntConsumer progressAt;

    ConstantPools(Metadata metadata) {
        this.metadata = metadata;
        this.stringTypeId = metadata.typeId("java.lang.String");
        this.stackTraceTypeId = metadata.typeId("jdk.types.StackTrace");
        this.stackSkipper = new StackTraceSkipper(metadata.type(stackTraceTypeId));
    }

    /** Reads one constant-pool event whose bytes end at {@code end}; partial pools are kept. */
    void read(ByteReader in, int end) {
        int poolCount = poolCount(in);
        for (int p = 0; p < poolCount; p++) {
            long typeId = in.varlong();
            JfrType type = declaredType(metadata, typeId);
            int count = in.count();
            Map<Long, Object> pool = typeId == stackTraceTypeId ? null
                    : pools.computeIfAbsent(typeId, k -> new HashMap<>(Math.min(count, 1 << 16) * 2));
            for (int i = 0; i < count; i++) {
                long id = in.varlong();
                if (pool == null) {
                    int position = in.pos;
                    stackSkipper.skip(in, type);
                    if (in.pos > end) {
                        throw new CorruptDataException("stack trace runs past its constant pool");
                    }
                    stackPositions.put(id, position); // only whole entries: decoding later trusts them
                } else if (typeId == stringTypeId) {
                    pool.put(id, in.string());
                } else {
                    pool.put(id, Values.decodeFields(in, type, 0));
                }
                if ((++entriesRead & 0xFFFF) == 0 && progressAt != null) {
                    progressAt.accept(in.pos);
                }
            }
            if (in.pos > end) {
                throw new CorruptDataException("constant pool runs past its event");
            }
        }
    }

    /** Reads a constant-pool event's header fields, up to and including its count of pools. */
    static int poolCount(ByteReader in) {
        in.varlong(); // start time
        in.varlong(); // duration
        in.varlong(); // delta to the previous pool event: a forward scan sees them all anyway
        in.u1(); // flush flag
        return in.count();
    }

    /** The type a pool holds, which the chunk's metadata must declare. */
    static JfrType declaredType(Metadata metadata, long typeId) {
        JfrType type = metadata.type(typeId);
        if (type == null) {
            throw new CorruptDataException("constant pool of undeclared type " + typeId);
        }
        return type;
    }

    /** The position of a stack trace entry's value, or {@link LongIntMap#MISSING}. */
    int stackPosition(long id) {
        return stackPositions.get(id);
    }

    int entriesRead() {
        return entriesRead;
    }

    /** The decoded entry of a pool, or null when the id was never written. */
    Object entry(long typeId, long id) {
        Map<Long, Object> pool = pools.get(typeId);
        return pool == null ? null : pool.get(id);
    }

    Object entry(PoolRef ref) {
        return entry(ref.typeId() == PoolRef.STRING_POOL ? stringTypeId : ref.typeId(), ref.id());
    }

    /** All entries of the pool of the named type (e.g. frame types), or an empty map. */
    Map<Long, Object> pool(String typeName) {
        Map<Long, Object> pool = pools.get(metadata.typeId(typeName));
        return pool == null ? Map.of() : pool;
    }

    /**
     * Resolves a value to a string: strings as they are, pool references followed, and structs of a
     * single field (symbols, GC names, frame types) unwrapped.
     */
    String text(Object value) {
        for (int hops = 0; hops < 4; hops++) {
            if (value == null || value instanceof String) {
                return (String) value;
            }
            if (value instanceof PoolRef) {
                value = entry((PoolRef) value);
            } else if (value instanceof Object[] && ((Object[]) value).length == 1) {
                value = ((Object[]) value)[0];
            } else {
                return String.valueOf(value);
            }
        }
        return null;
    }

    /** The internal name ({@code java/lang/String}, {@code [B}) of a java.lang.Class value or reference, or null. */
    String className(Object classRef) {
        Object cls = classRef instanceof PoolRef ? entry((PoolRef) classRef) : classRef;
        JfrType type = metadata.type("java.lang.Class");
        int name = type == null ? -1 : type.fieldIndex("name");
        return cls instanceof Object[] && name >= 0 && name < ((Object[]) cls).length
                ? text(((Object[]) cls)[name]) : null;
    }

    Metadata metadata() {
        return metadata;
    }

    /**
     * Skips stack-trace entries, the bulk of a recording's bytes, without decoding them. When the frame
     * struct is all varints (method, line, bytecode index, type: as the JDK and async-profiler write it),
     * the frames array is skipped as one run of varints instead of field by field.
     */
    private static final class StackTraceSkipper {
        private final int framesField;
        private final int varintsPerFrame;

        StackTraceSkipper(JfrType stackTrace) {
            int field = -1;
            int perFrame = 0;
            if (stackTrace != null) {
                for (int i = 0; i < stackTrace.fields.size(); i++) {
                    JfrField f = stackTrace.fields.get(i);
                    if (f.array && f.encoding == JfrField.STRUCT && f.type != null && allVarints(f.type)) {
                        field = i;
                        perFrame = f.type.fields.size();
                        break;
                    }
                }
            }
            this.framesField = field;
            this.varintsPerFrame = perFrame;
        }

        private static boolean allVarints(JfrType type) {
            for (JfrField f : type.fields) {
                if (f.array || f.encoding != JfrField.VARINT) {
                    return false;
                }
            }
            return true;
        }

        void skip(ByteReader in, JfrType type) {
            if (framesField < 0) {
                Values.skipFields(in, type, 0);
                return;
            }
            for (int i = 0, n = type.fields.size(); i < n; i++) {
                if (i == framesField) {
                    in.skipVarints((long) in.count() * varintsPerFrame);
                } else {
                    Values.skip(in, type.fields.get(i), 0);
                }
            }
        }
    }
}
