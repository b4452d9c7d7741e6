package dev.firesight.parser;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load progress bar moves with the reading instead of sitting still and then jumping to done (issue
 * 11, item 7): on a real recording, progress is reported in small steps, never goes back, and ends at the
 * file's size.
 */
class LoadProgressTest {
    @Test
    void progressMovesInSmallStepsToTheEnd() throws Exception {
        Path recording = TestRecordings.jdk17();
        long size = Files.size(recording);
        List<Double> fractions = new ArrayList<>();
        Recordings.open(recording, LoadOptions.defaults().withProgress((done, total) -> {
            assertEquals(size, total);
            fractions.add((double) done / total);
        }));
        assertEquals(1.0, fractions.get(fractions.size() - 1), "ends at the whole file");
        double previous = 0;
        double largestStep = 0;
        for (double f : fractions) {
            assertTrue(f >= previous, "never goes back: " + fractions);
            largestStep = Math.max(largestStep, f - previous);
            previous = f;
        }
        assertTrue(fractions.size() >= 5, "reported along the way: " + fractions);
        assertTrue(largestStep <= 0.3, "no jump of more than 30%: " + fractions);
    }
}
