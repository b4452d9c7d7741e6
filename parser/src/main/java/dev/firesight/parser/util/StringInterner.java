package dev.firesight.parser.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings to dense int ids, so frames and threads carry ints rather than strings. */
public final class StringInterner {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int intern(String s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = names.size();
            ids.put(s, id);
            names.add(s);
        }
        return id;
    }

    public int size() {
        return names.size();
    }

    public String get(int id) {
        return names.get(id);
    }

    public String[] toArray() {
        return names.toArray(new String[0]);
    }
}
