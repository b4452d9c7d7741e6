package dev.firesight.parser.util;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntIntMapTest {

    /** Keys spread over a large range, some written twice: every lookup agrees with a plain map, through its growth. */
    @Test
    void agreesWithAPlainMap() {
        Random random = new Random(11);
        IntIntMap map = new IntIntMap();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            int key = random.nextInt(4_000_000);
            int value = random.nextInt();
            map.put(key, value);
            expected.put(key, value);
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((key, value) -> assertEquals(value, map.get(key), "key " + key));
        for (int i = 0; i < 10_000; i++) {
            int key = 4_000_000 + random.nextInt(1_000_000);
            assertEquals(IntIntMap.MISSING, map.get(key), "key " + key);
        }
        assertThrows(IllegalArgumentException.class, () -> map.put(-1, 0));
    }
}
