package dev.firesight.parser.jfr;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.util.LongIntMap;

import java.util.Arrays;
import java.util.Map;

/**
 * Resolves one chunk's stack-trace, method, class and thread ids into the profile's global frames,
 * stacks and threads. Each method, frame and stack is named once per chunk and cached.
 */
final class StackResolver {
    private static final String UNRESOLVED = "[unresolved stack]";
    /**
     * The root frame of a stack the recorder cut at its stack depth (the pool's {@code truncated} flag): its
     * outermost frames are missing, so it hangs under this frame instead of posing as a real root.
     */
    static final String TRUNCATED = "[truncated]";

    private final ByteReader in;
    private final ConstantPools pools;
    private final ProfileBuilder builder;
    private final JfrType stackTraceType;
    private final FieldReader frameReader;
    private final int framesField;
    private final int truncatedField;
    private final long methodTypeId;
    private final long classTypeId;
    private final long threadTypeId;
    private final FrameKind[] kindByTypeId;
    private final boolean nativeMeansC;
    private final LongIntMap methodNames = new LongIntMap(1024);
    private final LongIntMap methodDetails = new LongIntMap(1024);
    private final LongIntMap frames = new LongIntMap(1024);
    private final LongIntMap classFrames = new LongIntMap();
    private final long[] slots = new long[4];
    private int[] buffer = new int[64];
    /** Whether the stack {@link #decodeStack} read last was cut by the recorder. */
    private boolean truncated;
    /** Whether the stack the last {@link #stack} call returned hangs under {@value #TRUNCATED}. */
    boolean lastTruncated;
    /** Whether the last {@link #stack} call found the stack in no pool and, the chunk being intact, returned -1. */
    boolean lastMissing;
    /** Where the last {@link #frames} call put the frames: this resolver's buffer or an earlier chunk's. */
    int[] lastFrames;
    private StackResolver previous;
    private final boolean missingMeansNone;
    int unresolvedStacks;

    /**
     * @param previous the resolver of the chunk before, or null. The JDK may write a stack trace into
     *                 one chunk's pool and reuse its id in later chunks; like the converter, such a stack
     *                 is resolved through the latest earlier chunk that has it.
     * @param missingMeansNone true for an intact chunk, where a stack id found in no pool means the event
     *                 has no stack (as the converter and the JDK read it); false where the pool may have
     *                 been lost, so that the event is kept as {@value #UNRESOLVED}
     */
    StackResolver(ByteReader in, ConstantPools pools, ProfileBuilder builder, StackResolver previous,
                  boolean missingMeansNone) {
        this.previous = previous;
        this.missingMeansNone = missingMeansNone;
        this.in = in;
        this.pools = pools;
        this.builder = builder;
        Metadata md = pools.metadata();
        stackTraceType = md.type("jdk.types.StackTrace");
        JfrType frameType = md.type("jdk.types.StackFrame");
        frameReader = frameType == null ? null
                : new FieldReader(frameType, "method", "lineNumber", "type", "bytecodeIndex");
        framesField = stackTraceType == null ? -1 : stackTraceType.fieldIndex("frames");
        truncatedField = stackTraceType == null ? -1 : stackTraceType.fieldIndex("truncated");
        methodTypeId = md.typeId("jdk.types.Method");
        classTypeId = md.typeId("java.lang.Class");
        threadTypeId = md.typeId("java.lang.Thread");

        Map<Long, Object> frameTypes = pools.pool("jdk.types.FrameType");
        int maxId = 0;
        for (Long id : frameTypes.keySet()) {
            maxId = (int) Math.max(maxId, Math.min(id, 255));
        }
        kindByTypeId = new FrameKind[maxId + 1];
        boolean hasKernel = false;
        for (Map.Entry<Long, Object> e : frameTypes.entrySet()) {
            FrameKind kind = FrameKind.fromDescription(pools.text(e.getValue()));
            if (e.getKey() >= 0 && e.getKey() <= maxId) {
                kindByTypeId[e.getKey().intValue()] = kind;
            }
            hasKernel |= kind == FrameKind.KERNEL;
        }
        // In the JDK's recordings "Native" is a Java native method; in async-profiler's (whose frame
        // types include "Kernel") it is a C function, named without a class.
        nativeMeansC = hasKernel;
    }

    /**
     * The global stack id for a sample's stack and optional leaf class, or -1 when the sample has no
     * stack at all (the converter leaves those out too).
     */
    int stack(long stackRef, long classRef) {
        int length = frames(stackRef, classRef);
        return length < 0 ? -1 : builder.stack(lastFrames, 0, length);
    }

    /**
     * Names a sample's stack and optional leaf class as global frame ids, root first, in {@link #lastFrames};
     * returns how many, or -1 when the sample has no stack at all. Interning them is left to the caller, so
     * that naming and interning can run on two threads ({@link ConcurrentStacks}).
     */
    int frames(long stackRef, long classRef) {
        lastTruncated = false;
        lastMissing = false;
        lastFrames = buffer;
        if (stackRef == 0) {
            return -1;
        }
        int length = decodeStack(stackRef);
        if (length < 0) {
            for (StackResolver earlier = previous; earlier != null; earlier = earlier.previous) {
                if (earlier.pools.stackPosition(stackRef) != LongIntMap.MISSING) {
                    int n = earlier.frames(stackRef, classRef);
                    lastTruncated = earlier.lastTruncated;
                    lastFrames = earlier.lastFrames;
                    return n;
                }
            }
        }
        if (length < 0 && missingMeansNone) {
            lastMissing = true;
            return -1;
        }
        if (length < 0) {
            unresolvedStacks++;
            buffer[0] = builder.frame(builder.name(UNRESOLVED), FrameKind.UNKNOWN, 0, -1);
            length = 1;
        } else if (truncated) {
            ensure(length + 2);
            System.arraycopy(buffer, 0, buffer, 1, length);
            buffer[0] = builder.frame(builder.name(TRUNCATED), FrameKind.UNKNOWN, 0, -1);
            length++;
            lastTruncated = true;
        }
        int cap = builder.maxStackDepth;
        if (cap > 0 && length > cap) {
            // keep the frames nearest the leaf, as JFR's own stackdepth setting does
            System.arraycopy(buffer, length - cap, buffer, 0, cap);
            length = cap;
            builder.cutStacks++;
        }
        if (classRef != 0) {
            ensure(length + 1);
            buffer[length++] = classFrame(classRef);
        }
        lastFrames = buffer; // ensure() may have replaced it
        return length;
    }

    /** Fills {@link #buffer} root first; returns the depth, or -1 when the stack is not in the pools. */
    private int decodeStack(long stackRef) {
        truncated = false;
        int position = pools.stackPosition(stackRef);
        if (position == LongIntMap.MISSING || frameReader == null || framesField < 0) {
            return -1;
        }
        try {
            in.pos = position;
            int depth = 0;
            for (int f = 0; f < stackTraceType.fields.size(); f++) {
                JfrField field = stackTraceType.fields.get(f);
                if (f == truncatedField && field.encoding == JfrField.BYTE && !field.array) {
                    truncated = in.u1() != 0;
                    continue;
                }
                if (f != framesField) {
                    Values.skip(in, field, 0);
                    continue;
                }
                depth = in.count();
                ensure(depth + 1);
                // the pool lists frames leaf first; an up-counting loop, as C2 prefers (counting down, it
                // recompiled this method after a loop_limit_check trap)
                for (int k = 0, i = depth - 1; k < depth; k++, i--) {
                    slots[0] = 0;
                    slots[1] = 0;
                    slots[2] = -1;
                    frameReader.read(in, slots);
                    buffer[i] = frame(slots[0], (int) slots[1], (int) slots[2]);
                }
            }
            return depth;
        } catch (CorruptDataException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    private int frame(long methodRef, int line, int typeRef) {
        long key2 = ((long) line << 32) | (typeRef & 0xFFFFFFFFL);
        int id = frames.get(methodRef, key2);
        return id != LongIntMap.MISSING ? id : newFrame(methodRef, line, typeRef, key2);
    }

    /**
     * Names a frame on its first sight in this chunk: {@code package.Class.method}, or the bare function name
     * for native frames. The whole of it is one method on purpose. It runs once per distinct frame, which in a
     * big recording is often enough for C2 to inline it, with the pool lookups under it, into the stack loop;
     * that made the loop's compiled code 70 KB and cost 0.5-0.9 s of CPU in compilation on the 228 MiB
     * recording. C2 does not inline a method of more than 325 bytecodes ({@code -XX:FreqInlineSize}), which
     * this is.
     */
    private int newFrame(long methodRef, int line, int typeRef, long key2) {
        FrameKind kind = typeRef >= 0 && typeRef < kindByTypeId.length && kindByTypeId[typeRef] != null
                ? kindByTypeId[typeRef] : FrameKind.UNKNOWN;
        boolean bare = kind == FrameKind.CPP || kind == FrameKind.KERNEL
                || (kind == FrameKind.NATIVE && nativeMeansC);
        int nameId = methodNames.get(methodRef, bare ? 1 : 0);
        if (nameId == LongIntMap.MISSING) {
            String name;
            String library = null;
            Object method = pools.entry(methodTypeId, methodRef);
            if (!(method instanceof Object[]) || ((Object[]) method).length < 2) {
                name = "unknown";
            } else {
                Object[] fields = (Object[]) method;
                JfrType type = pools.metadata().type(methodTypeId);
                String className = pools.className(fields[Math.max(0, type.fieldIndex("type"))]);
                String methodName = pools.text(fields[Math.max(0, type.fieldIndex("name"))]);
                methodName = methodName == null ? "" : methodName;
                if (className == null || className.isEmpty() || bare) {
                    name = methodName;
                    library = className == null || className.isEmpty() ? null : className;
                } else {
                    String javaClass = Names.javaName(className);
                    name = methodName.isEmpty() ? javaClass : javaClass + '.' + methodName;
                }
            }
            nameId = builder.name(name);
            methodNames.put(methodRef, bare ? 1 : 0, nameId);
            if (library != null) {
                methodDetails.put(methodRef, builder.name(library));
            }
        }
        int detail = bare ? methodDetails.get(methodRef) : LongIntMap.MISSING;
        int id = builder.frame(nameId, kind, line, detail == LongIntMap.MISSING ? -1 : detail);
        frames.put(methodRef, key2, id);
        return id;
    }

    private int classFrame(long classRef) {
        int id = classFrames.get(classRef);
        if (id == LongIntMap.MISSING) {
            String internal = pools.className(new PoolRef(classTypeId, classRef));
            String name = internal == null ? "null" : Names.className(internal);
            id = builder.frame(builder.name(name), FrameKind.CLASS, 0, -1);
            classFrames.put(classRef, id);
        }
        return id;
    }

    /** Keeps at most {@code chunks} earlier chunks' pools alive as fallbacks, forgetting older ones. */
    StackResolver keep(int chunks) {
        StackResolver r = this;
        for (int i = 1; i < chunks && r.previous != null; i++) {
            r = r.previous;
        }
        r.previous = null;
        return this;
    }

    /** The global thread id for a thread reference of this chunk. */
    int thread(long threadRef) {
        Object entry = pools.entry(threadTypeId, threadRef);
        if (!(entry instanceof Object[])) {
            return builder.thread("ref:" + threadRef, "[tid=" + threadRef + "]");
        }
        JfrType type = pools.metadata().type(threadTypeId);
        Object[] fields = (Object[]) entry;
        String name = threadName(threadRef);
        Object javaId = field(fields, type, "javaThreadId");
        Object osId = field(fields, type, "osThreadId");
        String key = javaId instanceof Long && (Long) javaId > 0 ? "java:" + javaId
                : osId instanceof Long && (Long) osId > 0 ? "os:" + osId + ":" + name : "name:" + name;
        return builder.thread(key, name);
    }

    /** The name of a thread reference of this chunk, as {@link #thread} names it, without interning it. */
    String threadName(long threadRef) {
        Object entry = pools.entry(threadTypeId, threadRef);
        if (!(entry instanceof Object[])) {
            return "[tid=" + threadRef + "]";
        }
        JfrType type = pools.metadata().type(threadTypeId);
        Object[] fields = (Object[]) entry;
        String javaName = pools.text(field(fields, type, "javaName"));
        String osName = pools.text(field(fields, type, "osName"));
        return javaName != null ? javaName : osName != null ? osName : "[tid=" + threadRef + "]";
    }

    private static Object field(Object[] fields, JfrType type, String name) {
        int i = type.fieldIndex(name);
        return i < 0 || i >= fields.length ? null : fields[i];
    }

    private void ensure(int n) {
        if (n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(n, buffer.length * 2));
        }
    }
}
