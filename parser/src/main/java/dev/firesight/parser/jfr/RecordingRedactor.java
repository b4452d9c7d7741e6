package dev.firesight.parser.jfr;

import dev.firesight.files.CreationRefusedException;
import dev.firesight.files.OutputFile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes a copy of a recording in which secret-looking values are masked, for sharing a recording
 * with someone who should not see the passwords in its environment.
 *
 * <p>Each masked character is overwritten in place by {@code *} in the same number of bytes (a
 * multi-byte varint character by a padded varint of {@code *}), so every size, offset and count in the
 * file stays valid and any JFR reader reads the copy exactly as the original, only without the secrets.
 * What is masked follows {@link Secrets#toMask}: values of environment variables and system properties
 * whose names look secret, the JVM's arguments and flags, the program's arguments after the main class (in
 * {@code sun.java.command} too), the command lines of processes the recording lists, and, wherever any of
 * these values holds one, a credential found by {@link dev.firesight.parser.Credentials} (URL user-info,
 * password and token pairs, bearer tokens, cloud keys, private key blocks).
 *
 * <p>Only undamaged recordings are copied: on a damaged one the copy could keep a secret that the
 * walk failed to reach, so it is refused and no output is left behind.
 */
public final class RecordingRedactor {
    private static final byte MASK = '*';

    /** How much of a value stays readable. */
    private enum Keep {
        /** Masked when the event's {@code key} looks secret (or is the command property). */
        BY_KEY,
        /** Masked whole. */
        NOTHING,
        /** The first word stays: the main class, or the program being run. */
        FIRST_WORD
    }

    /** Event type → field → what of it stays. */
    private static final Map<String, Map<String, Keep>> RULES = Map.of(
            "jdk.InitialEnvironmentVariable", Map.of("value", Keep.BY_KEY),
            "jdk.InitialSystemProperty", Map.of("value", Keep.BY_KEY),
            "jdk.JVMInformation", Map.of("jvmArguments", Keep.NOTHING, "jvmFlags", Keep.NOTHING,
                    "javaArguments", Keep.FIRST_WORD),
            "jdk.SystemProcess", Map.of("commandLine", Keep.FIRST_WORD),
            "jdk.ProcessStart", Map.of("command", Keep.FIRST_WORD));

    /** What the copy holds. */
    public record Result(int chunks, int maskedValues) {
    }

    private final BooleanSupplier cancelled;
    private int masked;

    private RecordingRedactor(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    /**
     * Copies {@code source} (plain, gzip or zip) to {@code target} as a plain recording with secrets masked.
     * The target is written owner-only; on any failure it is deleted.
     */
    public static Result redact(Path source, Path target, long maxDecompressedBytes, BooleanSupplier cancelled)
            throws RecordingException {
        String name = String.valueOf(source.getFileName());
        try (OutputFile out = OutputFile.create(target)) {
            copyExpanded(source, out.stream(), maxDecompressedBytes, name);
            out.stream().flush();
            Result result = new RecordingRedactor(cancelled).maskAll(out.temporary(), name);
            out.commit();
            return result;
        } catch (CreationRefusedException e) {
            throw new RecordingException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordingException("Cannot write a redacted copy of " + name + ": " + e.getMessage() + ".", e);
        }
    }

    private static void copyExpanded(Path source, OutputStream partial, long cap, String name)
            throws IOException, RecordingException {
        byte[] head = RecordingReader.readHead(source, 4);
        if (Decompressor.isGzip(head) || Decompressor.isZip(head)) {
            Decompressor.Expanded expanded = Decompressor.expand(source, Decompressor.isZip(head), cap);
            try {
                if (expanded.cut() != null) {
                    throw new RecordingException(expanded.cut().replaceFirst("; .*", "") + ", so no redacted copy of "
                            + name + " was written.");
                }
                Files.copy(expanded.file(), partial);
            } finally {
                Decompressor.release(expanded);
            }
        } else {
            Files.copy(source, partial);
        }
    }

    private Result maskAll(Path file, String name) throws IOException, RecordingException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long offset = 0;
            int chunks = 0;
            while (offset < size) {
                ChunkHeader header = RecordingReader.header(channel, offset, size);
                if (header == null || !header.finished() || header.major != 2 || !header.compressedIntegers()
                        || header.declaredSize > Integer.MAX_VALUE - 8) {
                    throw damaged(name, chunks, offset);
                }
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, offset, header.declaredSize);
                map.order(ByteOrder.BIG_ENDIAN);
                try {
                    maskChunk(new ByteReader(map), map, header);
                } catch (CorruptDataException | IndexOutOfBoundsException | IllegalArgumentException e) {
                    throw damaged(name, chunks, offset);
                }
                map.force();
                offset += header.declaredSize;
                chunks++;
            }
            if (chunks == 0) {
                throw new RecordingException(name + " holds no JFR chunk, so there is nothing to copy.");
            }
            return new Result(chunks, masked);
        }
    }

    private static RecordingException damaged(String name, int chunk, long offset) {
        return new RecordingException(name + " is damaged or unfinished at chunk " + (chunk + 1) + " (byte " + offset
                + "), so Firesight cannot be sure to find every secret in it and wrote no redacted copy.");
    }

    /** A string as written in the chunk: where its encoding byte is, and its text. */
    private record Written(int position, String text) {
    }

    /** Pass one finds the string pool (its entries may follow the events using them), pass two masks. */
    private void maskChunk(ByteReader in, MappedByteBuffer map, ChunkHeader header) {
        Metadata metadata = Metadata.read(in, (int) header.metaOffset);
        long stringType = metadata.typeId("java.lang.String");
        Map<Long, Written> strings = new HashMap<>();
        Map<Long, Map<String, Keep>> rules = new HashMap<>();
        RULES.forEach((typeName, fields) -> {
            JfrType type = metadata.type(typeName);
            if (type != null) {
                rules.put(type.id, fields);
            }
        });
        walkEvents(in, (type, end) -> {
            if (type == 1) {
                readStringPool(in, metadata, stringType, strings);
            }
        });
        walkEvents(in, (type, end) -> {
            Map<String, Keep> fields = rules.get(type);
            if (fields != null) {
                maskEvent(in, map, metadata.type(type), fields, stringType, strings);
            }
        });
    }

    private interface EventVisitor {
        void visit(long type, int end);
    }

    private void walkEvents(ByteReader in, EventVisitor visitor) {
        int pos = ChunkHeader.SIZE;
        int limit = in.limit();
        int events = 0;
        while (pos < limit) {
            if ((++events & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("redaction was cancelled");
            }
            in.pos = pos;
            int size = in.varint();
            long type = in.varlong();
            if (size <= 0 || size > limit - pos) {
                throw new CorruptDataException("event size " + size + " at " + pos);
            }
            in.bound(pos + size);
            visitor.visit(type, pos + size);
            in.unbound();
            pos += size;
        }
    }

    /** Records the position of every java.lang.String pool entry of one constant-pool event. */
    private static void readStringPool(ByteReader in, Metadata metadata, long stringType, Map<Long, Written> out) {
        int poolCount = ConstantPools.poolCount(in);
        for (int p = 0; p < poolCount; p++) {
            long typeId = in.varlong();
            JfrType type = ConstantPools.declaredType(metadata, typeId);
            int count = in.count();
            for (int i = 0; i < count; i++) {
                long id = in.varlong();
                if (typeId == stringType) {
                    int at = in.pos;
                    Object text = in.string();
                    out.put(id, new Written(at, text instanceof String ? (String) text : null));
                } else {
                    Values.skipFields(in, type, 0);
                }
            }
        }
    }

    private void maskEvent(ByteReader in, MappedByteBuffer map, JfrType type, Map<String, Keep> rules,
                           long stringType, Map<Long, Written> strings) {
        Map<String, Written> written = new HashMap<>();
        for (JfrField field : type.fields) {
            boolean stringField = !field.array && (field.encoding == JfrField.STRING
                    || field.encoding == JfrField.VARINT && field.constantPool && field.typeId == stringType);
            if (stringField && (rules.containsKey(field.name) || field.name.equals("key"))) {
                written.put(field.name, readString(in, field, strings));
            } else {
                Values.skip(in, field, 0);
            }
        }
        Written key = written.get("key");
        for (Map.Entry<String, Keep> rule : rules.entrySet()) {
            Written value = written.get(rule.getKey());
            if (value == null || value.text() == null || value.text().isEmpty()) {
                continue;
            }
            BitSet chars = Secrets.toMask(key == null ? null : key.text(), rule.getValue() == Keep.BY_KEY,
                    value.text(), rule.getValue() == Keep.NOTHING, rule.getValue() == Keep.FIRST_WORD);
            if (!chars.isEmpty()) {
                mask(in, map, value, chars);
                masked++;
            }
        }
    }

    /** Where a string field's text is written: inline in the event, or in the string pool. */
    private static Written readString(ByteReader in, JfrField field, Map<Long, Written> strings) {
        if (field.encoding == JfrField.VARINT) {
            return strings.get(in.varlong());
        }
        int at = in.pos;
        if ((in.u1At(at)) == ByteReader.STRING_POOL) {
            in.u1();
            return strings.get(in.varlong());
        }
        Object text = in.string();
        return new Written(at, text instanceof String ? (String) text : null);
    }

    /** Overwrites the given characters of a written string with {@code *}, byte for byte. */
    private static void mask(ByteReader in, MappedByteBuffer map, Written s, BitSet chars) {
        in.unbound();
        in.pos = s.position();
        int encoding = in.u1();
        int n = in.count();
        int start = in.pos;
        String text = s.text();
        switch (encoding) {
            case ByteReader.STRING_UTF8: {
                if (text.getBytes(StandardCharsets.UTF_8).length != n) {
                    fill(map, start, start + n); // bytes and text disagree: mask it all rather than guess
                    break;
                }
                int b = start;
                for (int i = 0; i < text.length(); ) {
                    int codePoint = text.codePointAt(i);
                    int chars16 = Character.charCount(codePoint);
                    int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                    if (chars.get(i, i + chars16).cardinality() > 0) {
                        fill(map, b, b + width);
                    }
                    b += width;
                    i += chars16;
                }
                break;
            }
            case ByteReader.STRING_LATIN1:
                for (int i = chars.nextSetBit(0); i >= 0 && i < n; i = chars.nextSetBit(i + 1)) {
                    map.put(start + i, MASK);
                }
                break;
            case ByteReader.STRING_CHARS:
                for (int i = 0; i < n; i++) {
                    int at = in.pos;
                    in.varlong();
                    if (chars.get(i)) {
                        // '*' as a varint padded to the character's own width: 0xAA 0x80 … 0x00
                        for (int b = at; b < in.pos; b++) {
                            boolean last = b == in.pos - 1;
                            byte value = b == at ? MASK : 0;
                            map.put(b, last ? value : (byte) (value | 0x80));
                        }
                    }
                }
                break;
            default:
                throw new CorruptDataException("string with encoding " + encoding + " cannot be masked");
        }
    }

    private static void fill(MappedByteBuffer map, int from, int to) {
        for (int b = from; b < to; b++) {
            map.put(b, MASK);
        }
    }
}
