package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IdIntMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocalStackKeysTest {

    /**
     * A chunk's resolve reads its keys by number, from where the stack thread stopped to the end, across the
     * ranges it fetches them in; an allocation stack's key is a pair. Every number gives its own key.
     */
    @Test
    void everyNumberGivesItsKeyAcrossRanges() {
        IdIntMap numbered = new IdIntMap();
        int count = 200_000;
        for (int k = 0; k < count; k++) {
            numbered.put(stackOf(k), classOf(k), k);
        }
        LocalStackKeys keys = new LocalStackKeys(numbered);
        for (int k = 1_000; k < count; k++) {
            assertEquals(stackOf(k), keys.stackRef(k), "stack of " + k);
            assertEquals(classOf(k), keys.classRef(k), "class of " + k);
        }
        assertEquals(stackOf(5), keys.stackRef(5), "an earlier number, after the later ones");
    }

    private static long stackOf(int k) {
        return 1 + (k * 7919L) % 400_009; // in no order, as a pool's ids are met
    }

    private static long classOf(int k) {
        return k % 5 == 0 ? 1 + k % 977 : 0;
    }
}
