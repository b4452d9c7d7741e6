package dev.firesight.parser;

/**
 * All distinct frames of a profile. A frame is a name plus its kind, line and detail (the native
 * library, for native frames); names are interned, so equal names share one id.
 */
public final class FrameTable {
    private final String[] names;
    private final int[] nameIds;
    private final byte[] kinds;
    private final int[] lines;
    private final int[] details;

    public FrameTable(String[] names, int[] nameIds, byte[] kinds, int[] lines, int[] details) {
        this.names = names;
        this.nameIds = nameIds;
        this.kinds = kinds;
        this.lines = lines;
        this.details = details;
    }

    public int size() {
        return nameIds.length;
    }

    /** The interned name id of a frame; frames with the same name share it. */
    public int nameId(int frame) {
        return nameIds[frame];
    }

    public String name(int frame) {
        return names[nameIds[frame]];
    }

    public FrameKind kind(int frame) {
        return FrameKind.of(kinds[frame]);
    }

    /** The source line, or 0 when unknown. */
    public int line(int frame) {
        return lines[frame];
    }

    /** The native library or other detail, or null. */
    public String detail(int frame) {
        int d = details[frame];
        return d < 0 ? null : names[d];
    }

    /** The number of distinct names (method, class and thread names together). */
    public int nameCount() {
        return names.length;
    }

    public String nameOf(int nameId) {
        return names[nameId];
    }

    /**
     * This table with frames appended, one per name and kind given, for frames a rewrite of the stacks makes
     * up (a collapsed package). Existing frame and name ids stay; a name already present keeps its id, so
     * one name still has one id.
     */
    public FrameTable withFrames(java.util.List<String> newNames, java.util.List<FrameKind> newKinds) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (String n : newNames) {
            ids.put(n, -1);
        }
        for (int i = 0; i < names.length; i++) {
            if (ids.get(names[i]) != null && ids.get(names[i]) < 0) {
                ids.put(names[i], i);
            }
        }
        java.util.List<String> allNames = new java.util.ArrayList<>(java.util.Arrays.asList(names));
        int n = nameIds.length;
        int[] outNameIds = java.util.Arrays.copyOf(nameIds, n + newNames.size());
        byte[] outKinds = java.util.Arrays.copyOf(kinds, n + newNames.size());
        int[] outLines = java.util.Arrays.copyOf(lines, n + newNames.size());
        int[] outDetails = java.util.Arrays.copyOf(details, n + newNames.size());
        for (int i = 0; i < newNames.size(); i++) {
            String name = newNames.get(i);
            int id = ids.get(name);
            if (id < 0) {
                id = allNames.size();
                allNames.add(name);
                ids.put(name, id);
            }
            outNameIds[n + i] = id;
            outKinds[n + i] = (byte) newKinds.get(i).ordinal();
            outDetails[n + i] = -1;
        }
        return new FrameTable(allNames.toArray(new String[0]), outNameIds, outKinds, outLines, outDetails);
    }

    private volatile int[] ranks;
    private volatile int[] byRank;

    /** Each name's position in alphabetical order, for stable, cheap sorting of call-tree children. */
    public int[] nameRanks() {
        if (ranks == null) {
            computeRanks();
        }
        return ranks;
    }

    /** Name ids in alphabetical order; the inverse of {@link #nameRanks()}. */
    public int[] namesByRank() {
        if (byRank == null) {
            computeRanks();
        }
        return byRank;
    }

    private synchronized void computeRanks() {
        if (byRank != null) {
            return;
        }
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        int[] r = new int[names.length];
        int[] inverse = new int[names.length];
        for (int i = 0; i < order.length; i++) {
            r[order[i]] = i;
            inverse[i] = order[i];
        }
        ranks = r;
        byRank = inverse;
    }
}
