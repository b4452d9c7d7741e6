package dev.firesight.parser.robust;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded damage to a real recording: flipped bytes, varints overwritten with huge values (at event starts,
 * where sizes are, or anywhere), header fields overwritten, cuts, duplicated and deleted ranges. The same
 * seed always gives the same mutant, so a failure is reproducible from its seed.
 */
final class Mutator {
    private final byte[] source;
    private final int[] eventStarts;

    Mutator(byte[] source) {
        this.source = source;
        JfrLayout layout = new JfrLayout(source);
        eventStarts = layout.chunks.stream().flatMap(c -> c.events().stream()).mapToInt(JfrLayout.Event::pos).toArray();
    }

    /** The mutant for this seed and a short description of what was done to it. */
    record Mutant(byte[] bytes, String description) {
    }

    Mutant mutate(long seed) {
        Random r = new Random(seed);
        byte[] b = source;
        StringBuilder what = new StringBuilder();
        int steps = 1 + r.nextInt(3);
        for (int s = 0; s < steps && b.length > 0; s++) {
            if (what.length() > 0) {
                what.append(", ");
            }
            switch (r.nextInt(8)) {
                case 0 -> {
                    b = b.clone();
                    int n = 1 + r.nextInt(32);
                    for (int i = 0; i < n; i++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    what.append("flip ").append(n).append(" bytes");
                }
                case 1 -> {
                    int at = eventStarts[r.nextInt(eventStarts.length)];
                    b = overwrite(b, at, hugeVarint(r));
                    what.append("huge event size at ").append(at);
                }
                case 2 -> {
                    int at = eventStarts[r.nextInt(eventStarts.length)] + 1 + r.nextInt(24);
                    b = overwrite(b, at, hugeVarint(r));
                    what.append("huge varint inside event near ").append(at);
                }
                case 3 -> {
                    int at = r.nextInt(b.length);
                    b = overwrite(b, at, hugeVarint(r));
                    what.append("huge varint at ").append(at);
                }
                case 4 -> {
                    int n = r.nextInt(b.length);
                    b = Arrays.copyOf(b, n);
                    what.append("cut at ").append(n);
                }
                case 5 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(65536));
                    int to = r.nextInt(b.length);
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, to);
                    System.arraycopy(b, from, out, to, len);
                    System.arraycopy(b, to, out, to + len, b.length - to);
                    b = out;
                    what.append("copy ").append(len).append(" bytes from ").append(from).append(" to ").append(to);
                }
                case 6 -> {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(65536));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, b.length - from - len);
                    b = out;
                    what.append("delete ").append(len).append(" bytes at ").append(from);
                }
                default -> {
                    if (b.length < JfrLayout.HEADER) {
                        what.append("nothing");
                        break;
                    }
                    b = b.clone();
                    int field = 8 + 8 * r.nextInt(7); // size, pool/metadata offsets, times, ticks
                    long[] values = {0, -1, Long.MAX_VALUE, 3L << 30, b.length + 1L, r.nextInt(b.length), r.nextLong()};
                    long v = values[r.nextInt(values.length)];
                    ByteBuffer.wrap(b).putLong(field, v);
                    what.append("header field ").append(field).append(" = ").append(v);
                }
            }
        }
        return new Mutant(b, what.toString());
    }

    private static byte[] hugeVarint(Random r) {
        List<long[]> choices = List.of(new long[] {Integer.MAX_VALUE, 5}, new long[] {0xFFFFFFFFL, 5},
                new long[] {Long.MAX_VALUE, 9}, new long[] {-1L, 9}, new long[] {1L << 40, 9},
                new long[] {(1 << 28) - 1, 4});
        long[] c = choices.get(r.nextInt(choices.size()));
        return JfrLayout.paddedVarint(c[0], (int) c[1]);
    }

    private static byte[] overwrite(byte[] src, int at, byte[] with) {
        if (at >= src.length) {
            return src;
        }
        byte[] b = src.clone();
        int n = Math.min(with.length, b.length - at);
        System.arraycopy(with, 0, b, at, n);
        return b;
    }
}
