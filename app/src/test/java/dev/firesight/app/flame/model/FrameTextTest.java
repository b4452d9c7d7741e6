package dev.firesight.app.flame.model;

import dev.firesight.app.format.MethodNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A frame too narrow for its whole name shows the name the tables give it, then a cut one. */
class FrameTextTest {
    /** One unit per character: a width is a number of characters. */
    private static final FrameText.Measure CHARS = c -> 1;

    @Test
    void aNarrowFrameReadsAsTheTablesNameIt() {
        String lambda = "java.lang.invoke.LambdaForm$MH+0x00007f8538011400.1840976765.invoke";
        assertEquals("LambdaForm$MH.invoke", FrameText.fit(lambda, 30, CHARS),
                "a hidden class's address and id say nothing; its class does");
        assertEquals(MethodNames.shortName(lambda), FrameText.fit(lambda, 30, CHARS));
        assertEquals("HashMap.get", FrameText.fit("java.util.HashMap.get", 12, CHARS));
        assertEquals("String", FrameText.fit("java.lang.String", 10, CHARS), "an allocated class, as allocation views name it");
        assertEquals("HashMa\u2026", FrameText.fit("java.util.HashMap.get", 7, CHARS));
        assertEquals("java.util.HashMap.get", FrameText.fit("java.util.HashMap.get", 21, CHARS));
    }
}
