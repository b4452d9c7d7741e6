package dev.firesight.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.testing.TestRecordings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code summary} prints the memory budget: limits, peaks, and whether the live heap grows. */
class SummaryMemoryTest {

    private static String memorySection(String recording) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"summary", recording}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        int start = text.indexOf("\nMemory\n");
        assertTrue(start >= 0, text);
        int end = text.indexOf("\n\nNotes", start + 2);
        return text.substring(start + 1, end < 0 ? text.length() : end);
    }

    @Test
    void aLeakingHeapIsProjectedToItsLimit() {
        String memory = memorySection(TestRecordings.memory("leak").toString());
        assertTrue(memory.contains("Limits  Maximum heap (-Xmx) 64.0 MiB"), memory);
        assertTrue(memory.contains("\n  Heap used after GC             peak "), memory);
        assertTrue(memory.contains("\n  Heap used after GC grows "), memory);
        assertTrue(memory.contains("\nLeak suspects  from "), memory);
        assertTrue(memory.contains(" byte[] objects allocated in dev.firesight.parser.testing.MemoryWorkload$AuditLog.record,"),
                memory);
        assertTrue(memory.contains("dev.firesight.parser.testing.MemoryWorkload$AuditLog.ENTRIES \u2192"
                + " java.util.ArrayList.elementData"), memory);
    }

    @Test
    void churnIsNotALeak() {
        String memory = memorySection(TestRecordings.memory("churn").toString());
        assertTrue(memory.contains("\n  Heap used after GC is not growing ("), memory);
    }
}
