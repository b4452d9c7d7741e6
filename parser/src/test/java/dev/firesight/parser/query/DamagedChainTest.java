package dev.firesight.parser.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.OldObjectSample;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged chain of holders keeps its old-object samples and drops only the chain. The JDK writes the pools
 * that hold the chains (objects, references, fields, roots) in the last checkpoint of the recording, after
 * the samples: a recording cut anywhere in there, as a crashed copy or a full disk leaves it, still has every
 * sample, each with its age, and a chain that is the intact one's beginning or nothing, a holder whose class
 * was cut named as an unknown class rather than as another.
 */
class DamagedChainTest {
    private static final int STEP = 512;
    private static final int SPAN = 96 * 1024;
    private static final String UNKNOWN = "(unknown class)";

    @Test
    void cuttingThePoolsOfTheChainsKeepsEverySample(@TempDir Path dir) throws Exception {
        Path intactFile = TestRecordings.memory("leak");
        byte[] bytes = Files.readAllBytes(intactFile);
        List<OldObjectSample> intact = Recordings.open(intactFile).oldObjects();
        int intactSteps = steps(intact);
        assertTrue(intactSteps > 0, "the leak recording has chains");

        int damagedChains = 0;
        Path cut = dir.resolve("cut.jfr");
        for (int length = bytes.length - 1; length > bytes.length - SPAN; length -= STEP) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            Profile damaged = Recordings.open(cut);
            List<OldObjectSample> samples = damaged.oldObjects();
            if (samples.size() != intact.size()) {
                break; // the cut reached the samples themselves: past the chains' pools
            }
            assertFalse(damaged.warnings().isEmpty(), "a cut recording says it is damaged");
            for (int i = 0; i < samples.size(); i++) {
                OldObjectSample s = samples.get(i);
                OldObjectSample whole = intact.get(i);
                assertEquals(whole.timeNanos(), s.timeNanos(), "the sample is kept as it was");
                assertEquals(whole.allocationNanos(), s.allocationNanos());
                List<String> chain = s.referrers();
                assertTrue(chain.size() <= whole.referrers().size(), "no holder is made up");
                for (int j = 0; j < chain.size(); j++) {
                    String step = chain.get(j);
                    String truth = whole.referrers().get(j);
                    // a holder whose class entry was cut is named as unknown, never as another class
                    assertTrue(step.equals(truth) || step.startsWith(UNKNOWN)
                            && truth.endsWith(step.substring(UNKNOWN.length())), step + " for " + truth);
                }
            }
            if (steps(samples) < intactSteps) {
                damagedChains++;
                assertFalse(LeakSuspects.of(damaged).isEmpty(), "the suspects are still listed");
            }
        }
        assertTrue(damagedChains > 0, "some cut fell in the chains' pools");
    }

    private static int steps(List<OldObjectSample> samples) {
        return samples.stream().mapToInt(s -> s.referrers().size()).sum();
    }
}
