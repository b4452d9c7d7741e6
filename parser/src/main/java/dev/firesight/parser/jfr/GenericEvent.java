package dev.firesight.parser.jfr;

import dev.firesight.parser.TimeSeries;

import java.util.Map;

/**
 * A low-volume event decoded field by field (GC, CPU load, JVM facts). Its pool references are only
 * resolved at the end of the chunk, because the JDK writes the pools after the events.
 */
final class GenericEvent {
    enum Kind {
        HEAP_SUMMARY("jdk.GCHeapSummary", level(TimeSeries.Kind.HEAP_USED, "heapUsed"),
                level(TimeSeries.Kind.HEAP_COMMITTED, "heapSpace", "committedSize")),
        GARBAGE_COLLECTION("jdk.GarbageCollection"),
        CPU_LOAD("jdk.CPULoad"),
        JVM_INFORMATION("jdk.JVMInformation"),
        OS_INFORMATION("jdk.OSInformation"),
        CPU_INFORMATION("jdk.CPUInformation"),
        SYSTEM_PROPERTY("jdk.InitialSystemProperty"),
        ENVIRONMENT_VARIABLE("jdk.InitialEnvironmentVariable"),
        ACTIVE_SETTING("jdk.ActiveSetting"),
        OLD_OBJECT_SAMPLE("jdk.OldObjectSample"),
        OBJECT_COUNT_AFTER_GC("jdk.ObjectCountAfterGC"),
        // What a thread's first allocation sample of a recording weighs (see FirstAllocationSamples).
        THREAD_ALLOCATION_STATISTICS("jdk.ThreadAllocationStatistics"),
        ACTIVE_RECORDING("jdk.ActiveRecording"),
        // The memory budget: each event is a reading of one or two levels.
        METASPACE_SUMMARY("jdk.MetaspaceSummary", level(TimeSeries.Kind.METASPACE_USED, "metaspace", "used"),
                level(TimeSeries.Kind.METASPACE_COMMITTED, "metaspace", "committed")),
        DIRECT_BUFFERS("jdk.DirectBufferStatistics", level(TimeSeries.Kind.DIRECT_BUFFERS, "memoryUsed")),
        NATIVE_MEMORY_TOTAL("jdk.NativeMemoryUsageTotal", level(TimeSeries.Kind.NATIVE_MEMORY_COMMITTED, "committed")),
        RESIDENT_SET_SIZE("jdk.ResidentSetSize", level(TimeSeries.Kind.RESIDENT_SET_SIZE, "size")),
        CONTAINER_MEMORY_USAGE("jdk.ContainerMemoryUsage",
                level(TimeSeries.Kind.CONTAINER_MEMORY_USAGE, "memoryUsage")),
        // -1 (or 0) means the container sets no memory limit: no reading
        CONTAINER_CONFIGURATION("jdk.ContainerConfiguration",
                level(TimeSeries.Kind.CONTAINER_MEMORY_LIMIT, "memoryLimit")),
        THREAD_STATISTICS("jdk.JavaThreadStatistics", level(TimeSeries.Kind.THREADS, "activeCount")),
        HEAP_CONFIGURATION("jdk.GCHeapConfiguration", level(TimeSeries.Kind.MAX_HEAP, "maxSize")),
        PHYSICAL_MEMORY("jdk.PhysicalMemory", level(TimeSeries.Kind.PHYSICAL_MEMORY, "totalSize")),
        EXCEPTION_STATISTICS("jdk.ExceptionStatistics", level(TimeSeries.Kind.THROWABLES, "throwables"));

        final String typeName;
        final Level[] levels;

        Kind(String typeName, Level... levels) {
            this.typeName = typeName;
            this.levels = levels;
        }
    }

    /** A series fed by a number field (a path into nested structs, e.g. heapSpace.committedSize). */
    record Level(TimeSeries.Kind series, String... path) {
    }

    private static Level level(TimeSeries.Kind series, String... path) {
        return new Level(series, path);
    }

    private final Kind kind;
    private final JfrType type;
    private final Object[] values;

    GenericEvent(Kind kind, JfrType type, Object[] values) {
        this.kind = kind;
        this.type = type;
        this.values = values;
    }

    Kind kind() {
        return kind;
    }

    /** A field's decoded value (a number, a string, a struct or a pool reference), or null. */
    Object rawValue(String field) {
        return raw(field);
    }

    /** A field's value as a number, or -1 when it is absent or not a number. */
    long numberValue(String field) {
        return number(field);
    }

    private Object raw(String field) {
        int i = type.fieldIndex(field);
        return i < 0 || i >= values.length ? null : values[i];
    }

    /** A number inside a struct field, e.g. the {@code committedSize} of {@code heapSpace}; -1 if absent. */
    private long number(String struct, String field) {
        int i = type.fieldIndex(struct);
        if (i < 0 || i >= values.length || !(values[i] instanceof Object[])) {
            return -1;
        }
        JfrType structType = type.fields.get(i).type;
        Object[] fields = (Object[]) values[i];
        int j = structType == null ? -1 : structType.fieldIndex(field);
        Object v = j < 0 || j >= fields.length ? null : fields[j];
        return v instanceof Long ? (Long) v : -1;
    }

    private long number(String field) {
        Object v = raw(field);
        return v instanceof Long ? (Long) v : v instanceof Double ? Math.round((Double) v) : -1;
    }

    private double decimal(String field) {
        Object v = raw(field);
        return v instanceof Double ? (Double) v : v instanceof Long ? (Long) v : Double.NaN;
    }

    void apply(ProfileBuilder builder, ConstantPools pools, ChunkHeader header) {
        long time = header.toNanos(number("startTime"));
        for (Level level : kind.levels) {
            long value = level.path().length == 1 ? number(level.path()[0]) : number(level.path()[0], level.path()[1]);
            if (value > 0) { // sizes the JVM could not tell are negative (or 0 for "none")
                builder.level(level.series(), time, value);
            }
        }
        switch (kind) {
            case HEAP_SUMMARY: {
                String when = pools.text(raw("when"));
                if ("Before GC".equals(when)) {
                    builder.heapReadings.beforeGc(builder.currentSource());
                } else if ("After GC".equals(when) && number("heapUsed") >= 0) {
                    builder.heapReadings.afterGc(builder.currentSource());
                    builder.point(TimeSeries.Kind.HEAP_AFTER_GC, time, number("heapUsed"));
                }
                break;
            }
            case OBJECT_COUNT_AFTER_GC: {
                String internal = pools.className(raw("objectClass"));
                if (internal != null && number("totalSize") >= 0) {
                    builder.classLiveBytes(Names.className(internal), time, number("totalSize"));
                }
                break;
            }
            case GARBAGE_COLLECTION: {
                long pause = number("sumOfPauses");
                if (pause < 0) {
                    pause = number("duration");
                }
                builder.point(TimeSeries.Kind.GC_PAUSE, time, (long) (pause * header.nanosPerTick()));
                break;
            }
            case CPU_LOAD:
                builder.point(TimeSeries.Kind.JVM_CPU_LOAD, time, decimal("jvmUser") + decimal("jvmSystem"));
                builder.point(TimeSeries.Kind.MACHINE_CPU_LOAD, time, decimal("machineTotal"));
                break;
            case JVM_INFORMATION:
                for (String field : new String[] {"jvmName", "jvmVersion", "jvmArguments", "javaArguments"}) {
                    builder.jvm.putIfAbsent(field, pools.text(raw(field)));
                }
                builder.heapReadings.jvmArguments(builder.currentSource(), time, pools.text(raw("jvmArguments")));
                if (number("pid") >= 0) {
                    builder.jvm.putIfAbsent("pid", Long.toString(number("pid")));
                }
                break;
            case OS_INFORMATION:
                builder.jvm.putIfAbsent("osVersion", pools.text(raw("osVersion")));
                break;
            case CPU_INFORMATION:
                builder.jvm.putIfAbsent("cpu", pools.text(raw("cpu")));
                break;
            case SYSTEM_PROPERTY:
                builder.systemProperties.add(Map.entry(text(pools, "key"), text(pools, "value")));
                break;
            case ENVIRONMENT_VARIABLE:
                builder.environment.add(Map.entry(text(pools, "key"), text(pools, "value")));
                break;
            default:
                break;
        }
    }

    /** The value of a {@code jdk.ActiveSetting} of this name, or null for any other event or name. */
    String setting(ConstantPools pools, String name) {
        return kind == Kind.ACTIVE_SETTING && name.equals(pools.text(raw("name"))) ? pools.text(raw("value")) : null;
    }

    private String text(ConstantPools pools, String field) {
        String s = pools.text(raw(field));
        return s == null ? "" : s;
    }
}
