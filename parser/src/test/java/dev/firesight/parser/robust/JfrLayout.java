package dev.firesight.parser.robust;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, independent map of where things are in a plain JFR file: chunk headers, events, metadata
 * strings and the pools inside constant-pool events. The damage generators use it to aim their cuts
 * and overwrites at a named structure instead of at a guessed offset. It trusts its input (it is only
 * run on intact recordings).
 */
final class JfrLayout {
    static final int HEADER = 68;

    record Event(int pos, int size, long type) {
        int end() {
            return pos + size;
        }
    }

    record Pool(long typeId, String typeName, int countPos, int start, int end, int entries) {
    }

    record Chunk(int offset, int size, long cpOffset, long metaOffset, List<Event> events) {
        int end() {
            return offset + size;
        }

        List<Event> ofType(long type) {
            return events.stream().filter(e -> e.type() == type).toList();
        }

        /** Events that are neither metadata nor constant pools. */
        List<Event> dataEvents() {
            return events.stream().filter(e -> e.type() > 1).toList();
        }
    }

    record Field(String name, long typeId, boolean constantPool, boolean array) {
    }

    record Type(long id, String name, List<Field> fields) {
    }

    /** A metadata string: where its length varint is, and where its bytes start. */
    record MetaString(int pos, int lengthPos, int dataPos, int length, String value) {
    }

    final byte[] bytes;
    final List<Chunk> chunks = new ArrayList<>();

    JfrLayout(byte[] bytes) {
        this.bytes = bytes;
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int offset = 0;
        while (offset + HEADER <= bytes.length && buf.getInt(offset) == 0x464C5200) {
            int size = (int) buf.getLong(offset + 8);
            List<Event> events = new ArrayList<>();
            int pos = offset + HEADER;
            while (pos < offset + size) {
                int[] p = {pos};
                int eventSize = (int) varlong(p);
                long type = varlong(p);
                events.add(new Event(pos, eventSize, type));
                pos += eventSize;
            }
            chunks.add(new Chunk(offset, size, buf.getLong(offset + 16), buf.getLong(offset + 24), events));
            offset += size;
        }
    }

    /** Where an event's type varint starts (just after its size varint). */
    int typePos(Event e) {
        int[] p = {e.pos()};
        varlong(p);
        return p[0];
    }

    long varlong(int[] p) {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = bytes[p[0]++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (long) (bytes[p[0]++] & 0xFF) << 56;
    }

    /** The metadata of a chunk: its types by id, and the string table with positions. */
    final class Meta {
        final Map<Long, Type> types = new HashMap<>();
        final Map<String, Type> byName = new HashMap<>();
        final List<MetaString> strings = new ArrayList<>();
        private String[] table;

        Meta(Event event) {
            int[] p = {event.pos};
            varlong(p); // size
            varlong(p); // type
            varlong(p); // start
            varlong(p); // duration
            varlong(p); // id
            int n = (int) varlong(p);
            table = new String[n];
            for (int i = 0; i < n; i++) {
                int stringPos = p[0];
                int encoding = bytes[p[0]++];
                if (encoding == 3 || encoding == 5) {
                    int lengthPos = p[0];
                    int length = (int) varlong(p);
                    String s = new String(bytes, p[0], length, encoding == 3
                            ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.StandardCharsets.ISO_8859_1);
                    strings.add(new MetaString(stringPos, lengthPos, p[0], length, s));
                    p[0] += length;
                    table[i] = s;
                } else if (encoding == 4) {
                    int lengthPos = p[0];
                    int length = (int) varlong(p);
                    StringBuilder sb = new StringBuilder();
                    for (int c = 0; c < length; c++) {
                        sb.append((char) varlong(p));
                    }
                    table[i] = sb.toString();
                    strings.add(new MetaString(stringPos, lengthPos, -1, length, table[i]));
                } else {
                    table[i] = "";
                }
            }
            element(p, null);
        }

        private void element(int[] p, List<Field> owner) {
            String name = table[(int) varlong(p)];
            int attributes = (int) varlong(p);
            Map<String, String> attrs = new HashMap<>();
            for (int i = 0; i < attributes; i++) {
                attrs.put(table[(int) varlong(p)], table[(int) varlong(p)]);
            }
            List<Field> fields = owner;
            if (name.equals("class")) {
                Type type = new Type(Long.parseLong(attrs.get("id")), attrs.get("name"), new ArrayList<>());
                types.put(type.id, type);
                byName.put(type.name, type);
                fields = type.fields;
            } else if (name.equals("field") && owner != null) {
                owner.add(new Field(attrs.get("name"), Long.parseLong(attrs.get("class")),
                        "true".equals(attrs.get("constantPool")), attrs.containsKey("dimension")));
                fields = null;
            }
            int children = (int) varlong(p);
            for (int i = 0; i < children; i++) {
                element(p, fields);
            }
        }

        long typeId(String name) {
            Type t = byName.get(name);
            return t == null ? -1 : t.id;
        }

        /** The pools inside one constant-pool event, each with the position of its entry count. */
        List<Pool> pools(Event cp) {
            int[] p = {cp.pos};
            varlong(p);
            varlong(p);
            varlong(p);
            varlong(p);
            varlong(p);
            p[0]++; // flush flag
            int poolCount = (int) varlong(p);
            List<Pool> pools = new ArrayList<>();
            for (int i = 0; i < poolCount; i++) {
                long typeId = varlong(p);
                int countPos = p[0];
                int count = (int) varlong(p);
                int start = p[0];
                Type type = types.get(typeId);
                if (type == null) {
                    throw new IllegalStateException("pool " + i + "/" + poolCount + " of type " + typeId + " count "
                            + count + " at " + countPos + " in cp at " + cp.pos() + " size " + cp.size()
                            + "; types known " + types.size() + " strings " + table.length + " pools " + pools);
                }
                for (int e = 0; e < count; e++) {
                    varlong(p); // id
                    if (type.name.equals("java.lang.String")) {
                        skipString(p);
                    } else {
                        skipFields(p, type);
                    }
                }
                pools.add(new Pool(typeId, type.name, countPos, start, p[0], count));
            }
            return pools;
        }

        /** Positions (of the frame count varint) of each entry of a stack-trace pool. */
        List<Integer> frameCountPositions(Pool stackPool) {
            Type type = types.get(stackPool.typeId);
            List<Integer> positions = new ArrayList<>();
            int[] p = {stackPool.start};
            for (int e = 0; e < stackPool.entries; e++) {
                varlong(p);
                for (Field f : type.fields) {
                    if (f.name.equals("frames")) {
                        positions.add(p[0]);
                    }
                    skip(p, f);
                }
            }
            return positions;
        }

        private void skipFields(int[] p, Type type) {
            for (Field f : type.fields) {
                skip(p, f);
            }
        }

        private void skip(int[] p, Field f) {
            int n = f.array ? (int) varlong(p) : 1;
            for (int i = 0; i < n; i++) {
                skipOne(p, f);
            }
        }

        private void skipOne(int[] p, Field f) {
            if (f.constantPool) {
                varlong(p);
                return;
            }
            Type type = types.get(f.typeId);
            switch (type.name) {
                case "boolean", "byte" -> p[0]++;
                case "char", "short", "int", "long" -> varlong(p);
                case "float" -> p[0] += 4;
                case "double" -> p[0] += 8;
                case "java.lang.String" -> skipString(p);
                default -> skipFields(p, type);
            }
        }

        private void skipString(int[] p) {
            int encoding = bytes[p[0]++];
            switch (encoding) {
                case 0, 1 -> { }
                case 2 -> varlong(p);
                case 3, 5 -> {
                    int n = (int) varlong(p);
                    p[0] += n;
                }
                case 4 -> {
                    int n = (int) varlong(p);
                    for (int i = 0; i < n; i++) {
                        varlong(p);
                    }
                }
                default -> throw new IllegalStateException("string encoding " + encoding);
            }
        }
    }

    Meta metadata(Chunk chunk) {
        List<Event> all = chunk.ofType(0);
        return new Meta(all.get(all.size() - 1));
    }

    /** Encodes {@code value} as a JFR varint padded to exactly {@code width} bytes (1..9). */
    static byte[] paddedVarint(long value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            if (i == 8) {
                out[i] = (byte) value;
                break;
            }
            out[i] = (byte) ((value & 0x7F) | (i < width - 1 ? 0x80 : 0));
            value >>>= 7;
        }
        return out;
    }
}
