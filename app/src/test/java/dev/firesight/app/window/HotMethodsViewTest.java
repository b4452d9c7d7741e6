package dev.firesight.app.window;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HotMethodsViewTest {
    @Test
    void shortNamesKeepClassAndMethod() {
        assertEquals("HashMap.put", HotMethodsView.shortName("java.util.HashMap.put"));
        assertEquals("Thread.run", HotMethodsView.shortName("java.lang.Thread.run"));
        assertEquals("Workload$$Lambda$89.run", HotMethodsView.shortName(
                "dev.firesight.parser.testing.Workload$$Lambda$89+0x00007f8af4007c10.1172131546.run"));
        assertEquals("ConcurrentHashMap$Node[]", HotMethodsView.shortName("java.util.concurrent.ConcurrentHashMap$Node[]"));
        assertEquals("String", HotMethodsView.shortName("java.lang.String"));
        assertEquals("byte[]", HotMethodsView.shortName("byte[]"));
        assertEquals("Workload$$Lambda$5.run",
                HotMethodsView.shortName("dev.firesight.parser.testing.Workload$$Lambda$5.0x00007fbadc001428.run"));
        assertEquals("malloc", HotMethodsView.shortName("malloc"));
        assertEquals("Foo.bar", HotMethodsView.shortName("Foo.bar"));
    }
}
