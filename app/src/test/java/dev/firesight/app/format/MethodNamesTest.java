package dev.firesight.app.format;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MethodNamesTest {
    @Test
    void shortNamesKeepClassAndMethod() {
        assertEquals("HashMap.put", MethodNames.shortName("java.util.HashMap.put"));
        assertEquals("Thread.run", MethodNames.shortName("java.lang.Thread.run"));
        assertEquals("Workload$$Lambda$89.run", MethodNames.shortName(
                "dev.firesight.parser.testing.Workload$$Lambda$89+0x00007f8af4007c10.1172131546.run"));
        assertEquals("ConcurrentHashMap$Node[]", MethodNames.shortName("java.util.concurrent.ConcurrentHashMap$Node[]"));
        assertEquals("String", MethodNames.shortName("java.lang.String"));
        assertEquals("byte[]", MethodNames.shortName("byte[]"));
        assertEquals("Workload$$Lambda$5.run",
                MethodNames.shortName("dev.firesight.parser.testing.Workload$$Lambda$5.0x00007fbadc001428.run"));
        assertEquals("malloc", MethodNames.shortName("malloc"));
        assertEquals("Foo.bar", MethodNames.shortName("Foo.bar"));
    }

    @Test
    void twoMethodsThatReadTheSameGetJustEnoughPackage() {
        Map<String, String> labels = MethodNames.unique(List.of("com.acme.app.Main.compile",
                "com.acme.tool.Main.compile", "org.x.tool.Main.compile", "java.util.HashMap.put",
                "com.acme.app.Main.run", "java.lang.String", "com.acme.String"));
        assertEquals("app.Main.compile", labels.get("com.acme.app.Main.compile"));
        assertEquals("acme.tool.Main.compile", labels.get("com.acme.tool.Main.compile"));
        assertEquals("x.tool.Main.compile", labels.get("org.x.tool.Main.compile"));
        assertEquals("HashMap.put", labels.get("java.util.HashMap.put"), "unique already: unchanged");
        assertEquals("Main.run", labels.get("com.acme.app.Main.run"));
        assertEquals("lang.String", labels.get("java.lang.String"));
        assertEquals("acme.String", labels.get("com.acme.String"));
        assertEquals(7, Map.copyOf(labels).values().stream().distinct().count());
    }

    /** Hidden classes that differ only in the address the label drops, as two LambdaForms do, read in full. */
    @org.junit.jupiter.api.Test
    void namesNoPackageTellsApartReadInFull() {
        String a = "java.lang.invoke.LambdaForm$MH+0x00007f49ac009800.383358965.invoke";
        String b = "java.lang.invoke.LambdaForm$MH+0x00007f49ac00a000.1021000371.invoke";
        Map<String, String> labels = MethodNames.unique(List.of(a, b, "java.util.HashMap.put"));
        assertEquals(a, labels.get(a));
        assertEquals(b, labels.get(b));
        assertEquals("HashMap.put", labels.get("java.util.HashMap.put"));
    }
}
