package dev.firesight.parser.jfr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads JFR's compressed integers and strings from a buffer holding one chunk. Every length read
 * from the file is checked against the bytes actually left before anything is allocated, and the
 * buffer's own bounds check turns a read past the end into {@link CorruptDataException}.
 */
final class ByteReader {
    static final int STRING_NULL = 0;
    static final int STRING_EMPTY = 1;
    static final int STRING_POOL = 2;
    static final int STRING_UTF8 = 3;
    static final int STRING_CHARS = 4;
    static final int STRING_LATIN1 = 5;

    private final ByteBuffer buf;
    private final int limit;
    /**
     * Where the structure being decoded ends (an event's last byte + 1); counts and skips are checked
     * against it, so a crafted count cannot send a loop through the rest of a multi-gigabyte chunk.
     */
    private int end;
    int pos;

    ByteReader(ByteBuffer buf) {
        this.buf = buf;
        this.limit = buf.limit();
        this.end = limit;
    }

    /** A reader of the same bytes with a position of its own, for another thread (reads are absolute). */
    ByteReader copy() {
        return new ByteReader(buf);
    }

    /** Bounds counts and skips to {@code [pos, end)} until {@link #unbound()}. */
    void bound(int end) {
        this.end = Math.min(end, limit);
    }

    void unbound() {
        end = limit;
    }

    int limit() {
        return limit;
    }

    int remaining() {
        return limit - pos;
    }

    byte u1() {
        return buf.get(pos++);
    }

    int u1At(int at) {
        return buf.get(at) & 0xFF;
    }

    int i4At(int at) {
        return buf.getInt(at);
    }

    long i8At(int at) {
        return buf.getLong(at);
    }

    float f4() {
        float f = buf.getFloat(pos);
        pos += 4;
        return f;
    }

    double f8() {
        double d = buf.getDouble(pos);
        pos += 8;
        return d;
    }

    int varint() {
        long v = varlong();
        return (int) v;
    }

    long varlong() {
        byte b = buf.get(pos++);
        if (b >= 0) {
            return b;
        }
        long result = b & 0x7F;
        for (int shift = 7; shift < 56; shift += 7) {
            b = buf.get(pos++);
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (long) (buf.get(pos++) & 0xFF) << 56;
    }

    /**
     * Skips {@code n} varints exactly as {@link #varlong()} would read them: up to eight bytes with the
     * continuation bit, then a ninth byte taken whole.
     */
    void skipVarints(long n) {
        // Eight bytes at a time: a varint ends at each byte whose high bit is clear, so a word's count of such
        // bytes is how many varints end in it. Only a varint of eight continuation bytes (whose ninth byte is
        // taken whole, high bit or not) breaks that rule; it is read byte by byte from its start.
        int p = pos;
        int run = 0; // bytes before p of the varint in progress
        try {
            int lastWord = buf.limit() - 8;
            while (n > 0) {
                if (p <= lastWord) {
                    long ends = ~buf.getLong(p) & 0x8080808080808080L; // big-endian: the first byte is on top
                    int count = Long.bitCount(ends);
                    if (count <= n && run + (Long.numberOfLeadingZeros(ends) >>> 3) < 8) {
                        n -= count;
                        p += 8;
                        run = Long.numberOfTrailingZeros(ends) >>> 3;
                        continue;
                    }
                }
                p -= run;
                run = 0;
                int k = 0;
                while (k < 8 && buf.get(p++) < 0) {
                    k++;
                }
                if (k == 8) {
                    buf.get(p++);
                }
                n--;
            }
        } finally {
            pos = p - run;
        }
    }

    /**
     * The most heap one array sized by a count from the file may take. A count is first checked against
     * the bytes left, but in a chunk of gigabytes (a sparse file of zeros, say) that still allows arrays no
     * heap can hold; no real recording has a single string, table or array anywhere near this size.
     */
    private static final long MAX_ARRAY_BYTES = Runtime.getRuntime().maxMemory() / 8;

    /** {@code n} elements of {@code bytesEach}, if an array of them may be allocated; else damage. */
    static int allocatable(int n, int bytesEach) {
        if ((long) n * bytesEach > MAX_ARRAY_BYTES) {
            throw new CorruptDataException("a count of " + n + " is too large to hold");
        }
        return n;
    }

    /** A count or length that must fit in the bytes left, each element taking at least one byte. */
    int count() {
        long n = varlong();
        if (n < 0 || n > end - pos) {
            throw new CorruptDataException("invalid count " + n + " with " + (end - pos) + " bytes left");
        }
        return (int) n;
    }

    void skip(int n) {
        if (n < 0 || n > end - pos) {
            throw new CorruptDataException("invalid skip");
        }
        pos += n;
    }

    /**
     * Reads a string. A reference into the string pool (encoding 2) is returned by the caller's
     * resolver, since the pool may come later in the chunk than the reference.
     */
    Object string() {
        int encoding = u1();
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_POOL:
                return new PoolRef(PoolRef.STRING_POOL, varlong());
            case STRING_UTF8: {
                int n = count();
                String s = decode(n, StandardCharsets.UTF_8);
                return s;
            }
            case STRING_CHARS: {
                int n = count();
                char[] chars = new char[allocatable(n, 2)];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) varint();
                }
                return new String(chars);
            }
            case STRING_LATIN1: {
                int n = count();
                return decode(n, StandardCharsets.ISO_8859_1);
            }
            default:
                throw new CorruptDataException("invalid string encoding " + encoding);
        }
    }

    private String decode(int n, java.nio.charset.Charset charset) {
        byte[] bytes = new byte[allocatable(n, 1)];
        buf.get(pos, bytes, 0, n);
        pos += n;
        return new String(bytes, charset);
    }

    void skipString() {
        int encoding = u1();
        switch (encoding) {
            case STRING_NULL:
            case STRING_EMPTY:
                return;
            case STRING_POOL:
                varlong();
                return;
            case STRING_UTF8:
            case STRING_LATIN1:
                skip(count());
                return;
            case STRING_CHARS: {
                int n = count();
                for (int i = 0; i < n; i++) {
                    varlong();
                }
                return;
            }
            default:
                throw new CorruptDataException("invalid string encoding " + encoding);
        }
    }
}
