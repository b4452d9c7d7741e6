package dev.firesight.parser.jfr;

import dev.firesight.parser.TimeSeries;

import java.util.Map;

/**
 * A low-volume event decoded field by field (GC, CPU load, JVM facts). Its pool references are only
 * resolved at the end of the chunk, because the JDK writes the pools after the events.
 */
final class GenericEvent {
    enum Kind {
        HEAP_SUMMARY("jdk.GCHeapSummary"),
        GARBAGE_COLLECTION("jdk.GarbageCollection"),
        CPU_LOAD("jdk.CPULoad"),
        JVM_INFORMATION("jdk.JVMInformation"),
        OS_INFORMATION("jdk.OSInformation"),
        CPU_INFORMATION("jdk.CPUInformation"),
        SYSTEM_PROPERTY("jdk.InitialSystemProperty"),
        ENVIRONMENT_VARIABLE("jdk.InitialEnvironmentVariable"),
        ACTIVE_SETTING("jdk.ActiveSetting");

        final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Kind kind;
    private final JfrType type;
    private final Object[] values;

    GenericEvent(Kind kind, JfrType type, Object[] values) {
        this.kind = kind;
        this.type = type;
        this.values = values;
    }

    private Object raw(String field) {
        int i = type.fieldIndex(field);
        return i < 0 || i >= values.length ? null : values[i];
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
        switch (kind) {
            case HEAP_SUMMARY:
                if ("After GC".equals(pools.text(raw("when"))) && number("heapUsed") >= 0) {
                    builder.point(TimeSeries.Kind.HEAP_AFTER_GC, time, number("heapUsed"));
                }
                break;
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
