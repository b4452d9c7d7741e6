package dev.firesight.parser.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdIntMapTest {

    /**
     * Ids as producers write them: dense from 1 but in no order (so early ones land in the map before the
     * array covers them), with a few huge, negative and paired keys, and some ids written twice (a later
     * pool repeats an entry). Every lookup must agree with a plain map, as must the size.
     */
    @Test
    void agreesWithAPlainMapWhateverTheOrderOfIds() {
        Random random = new Random(42);
        List<long[]> keys = new ArrayList<>();
        for (long id = 1; id <= 300_000; id++) {
            if (random.nextInt(3) > 0) {
                keys.add(new long[] {id, 0});
            }
        }
        for (int i = 0; i < 2_000; i++) {
            keys.add(new long[] {random.nextInt(300_000), 1 + random.nextInt(50)}); // (stack, class) pairs
            keys.add(new long[] {Long.MAX_VALUE - random.nextInt(1000), 0});
            keys.add(new long[] {-1 - random.nextInt(1000), 0});
            keys.add(keys.get(random.nextInt(keys.size()))); // written again
        }
        Collections.shuffle(keys, random);
        IdIntMap map = new IdIntMap();
        Map<List<Long>, Integer> expected = new HashMap<>();
        for (long[] key : keys) {
            int value = random.nextInt(Integer.MAX_VALUE - 1);
            map.put(key[0], key[1], value);
            expected.put(List.of(key[0], key[1]), value);
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((key, value) -> assertEquals(value, map.get(key.get(0), key.get(1)), key.toString()));
        assertEquals(IdIntMap.MISSING, map.get(300_001));
        assertEquals(IdIntMap.MISSING, map.get(7, 51));
        assertEquals(IdIntMap.MISSING, map.get(Long.MIN_VALUE));
    }

    @Test
    void aSparseIdStaysOutOfTheArray() {
        IdIntMap map = new IdIntMap();
        map.put(4_000_000_000L, 3);
        map.put(1, 0);
        assertEquals(3, map.get(4_000_000_000L));
        assertEquals(0, map.get(1));
        assertEquals(2, map.size());
        assertThrows(IllegalArgumentException.class, () -> map.put(2, -1));
    }
}
