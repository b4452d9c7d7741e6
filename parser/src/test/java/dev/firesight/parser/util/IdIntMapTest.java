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

    /**
     * A chunk numbers its (stack, class) keys in the order it meets them and later reads them back by number, in
     * ranges: plain ids, in the array or in the map, and pairs, in the map. Every range gives each number's key.
     */
    @Test
    void aNumberingGivesBackItsKeysInNumberOrder() {
        Random random = new Random(7);
        IdIntMap map = new IdIntMap();
        List<long[]> byNumber = new ArrayList<>();
        while (byNumber.size() < 150_000) {
            int kind = random.nextInt(10);
            long[] key = kind < 7 ? new long[] {1 + random.nextInt(400_000), 0}
                    : kind < 9 ? new long[] {1 + random.nextInt(400_000), 1 + random.nextInt(3_000)}
                    : new long[] {(1L << 40) + random.nextInt(1 << 20), 0};
            if (map.get(key[0], key[1]) == IdIntMap.MISSING) {
                map.put(key[0], key[1], byNumber.size());
                byNumber.add(key);
            }
        }
        for (int[] range : new int[][] {{0, 150_000}, {0, 1}, {65_536, 131_072}, {149_999, 150_000}, {70_000, 70_000}}) {
            long[][] keys = map.keys(range[0], range[1]);
            assertEquals(range[1] - range[0], keys[0].length);
            for (int v = range[0]; v < range[1]; v++) {
                assertEquals(byNumber.get(v)[0], keys[0][v - range[0]], "stack of " + v);
                assertEquals(byNumber.get(v)[1], keys[1][v - range[0]], "class of " + v);
            }
        }
    }
}
