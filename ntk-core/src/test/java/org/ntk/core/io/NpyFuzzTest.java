package org.ntk.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded mutation fuzzer for {@link Npy}'s reader: 3000 damaged variants of valid files (byte flips,
 * truncations, appended bytes, header text edits, random shapes and dtypes, forged header lengths,
 * random bytes, and flips confined to the data bytes, which must always be read). Every outcome must be either a read that agrees with an independent decoding of the
 * bytes, or an {@link IllegalArgumentException} / {@link UncheckedIOException}: never another
 * exception, never an {@link OutOfMemoryError}, never a hang.
 */
class NpyFuzzTest {

    private static final long SEED = 20_260_101L;
    private static final int CASES = 3000;
    private static final String[] DTYPES = {"<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4"};
    private static final String[] FRAGMENTS = {
        "", "(", ")", "{", "}", "[", "]", ",", ":", "'", "\"", "\\", "\n", " ", "True", "False", "None",
        "'<f2'", "'<f8'", "'|u1'", "-1", "0", "1", "2", "99999999999", "99999999999999999999", "1.5", "L",
        "'shape'", "'descr'", "'fortran_order'", "((((((((((((((((((((", "\u00ff", "\u0000", "(3, 4, 5)", "()",
    };
    private static final long[] DIMS = {0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 12, -1, 65_536, 2_147_483_647L,
        4_294_967_297L, 1_000_000_000L};

    /** Hang detector only (a parse of these small inputs takes microseconds), not a performance assertion. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyMutationIsReadCorrectlyOrRejectedCleanly() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        List<byte[]> corpus = corpus(rnd);
        int accepted = 0;
        int rejected = 0;
        for (int c = 0; c < CASES; c++) {
            byte[] base = corpus.get(rnd.nextInt(corpus.size()));
            int op = rnd.nextInt(8);
            byte[] bytes = mutate(base, op, rnd);
            try {
                NpyArray a = NpyTest.read(bytes);
                checkAgainstIndependentDecoding(bytes, a, c, op);
                accepted++;
            } catch (IllegalArgumentException | UncheckedIOException e) {
                if (op == 7) {
                    fail("case " + c + ": a file with only its data bytes changed must be read, got " + e);
                }
                assertTrue(e.getMessage() != null && e.getMessage().startsWith("x.npy: "),
                        "case " + c + " (op " + op + "): message must name the file, got " + e.getMessage());
                rejected++;
            } catch (Throwable t) {
                StringWriter sw = new StringWriter();
                t.printStackTrace(new PrintWriter(sw));
                fail("case " + c + " (op " + op + ", " + bytes.length + " bytes): unexpected " + sw);
            }
        }
        assertEquals(CASES, accepted + rejected);
        // both outcomes must be exercised, or the fuzzer tests nothing
        assertTrue(accepted >= CASES / 8, "accepted " + accepted);
        assertTrue(rejected >= 1000, "rejected " + rejected);
    }

    private static List<byte[]> corpus(SplittableRandom rnd) {
        List<byte[]> files = new ArrayList<>();
        int[][] shapes = {{1}, {5}, {1, 1}, {2, 3}, {3, 1}, {4, 4}};
        for (String dtype : DTYPES) {
            for (int major = 1; major <= 3; major++) {
                for (int[] shape : shapes) {
                    boolean fortran = rnd.nextBoolean();
                    int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = dtype.charAt(1) == 'f' ? rnd.nextDouble(-1e6, 1e6) : rnd.nextInt(-1000, 1000);
                    }
                    files.add(NpyFiles.file(major, NpyFiles.dict(dtype, fortran, Npy.shapeString(shape)),
                            NpyFiles.data(dtype, values)));
                }
            }
        }
        return files;
    }

    private static byte[] mutate(byte[] base, int op, SplittableRandom rnd) {
        byte[] b = base.clone();
        switch (op) {
            case 0: { // flip 1 to 4 bytes, half the time inside the first 128 (preamble and header)
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    int limit = rnd.nextBoolean() ? Math.min(128, b.length) : b.length;
                    int at = rnd.nextInt(limit);
                    b[at] = (byte) (b[at] ^ (1 << rnd.nextInt(8)) ^ (rnd.nextBoolean() ? rnd.nextInt(256) : 0));
                }
                return b;
            }
            case 1: // truncate
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            case 2: { // append 1 to 16 random bytes
                byte[] extra = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(extra);
                byte[] r = Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, r, b.length, extra.length);
                return r;
            }
            case 3: { // replace a random span of the header text by a fragment, re-padded
                int major = b[6];
                int start = major == 1 ? 10 : 12;
                String text = new String(b, start, dataOffset(b) - start, StandardCharsets.ISO_8859_1).strip();
                int from = rnd.nextInt(text.length() + 1);
                int to = Math.min(text.length(), from + rnd.nextInt(6));
                String edited = text.substring(0, from) + FRAGMENTS[rnd.nextInt(FRAGMENTS.length)] + text.substring(to);
                return NpyFiles.file(major, edited, Arrays.copyOfRange(b, dataOffset(b), b.length));
            }
            case 4: { // random shape (rank 0 to 4), dtype and order over the same data
                int rank = rnd.nextInt(5);
                StringBuilder shape = new StringBuilder("(");
                for (int i = 0; i < rank; i++) {
                    shape.append(i > 0 ? ", " : "").append(DIMS[rnd.nextInt(DIMS.length)]);
                }
                shape.append(rank == 1 ? ",)" : ")");
                String dtype = rnd.nextInt(8) == 0 ? "<f2" : DTYPES[rnd.nextInt(DTYPES.length)];
                return NpyFiles.file(1 + rnd.nextInt(3), NpyFiles.dict(dtype, rnd.nextBoolean(), shape.toString()),
                        Arrays.copyOfRange(b, dataOffset(b), b.length));
            }
            case 5: { // forge the header length field
                ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                if (b[6] == 1) {
                    bb.putShort(8, (short) (rnd.nextBoolean() ? rnd.nextInt(65_536) : bb.getShort(8) + rnd.nextInt(-3, 4)));
                } else {
                    bb.putInt(8, rnd.nextBoolean() ? rnd.nextInt() : bb.getInt(8) + rnd.nextInt(-3, 4));
                }
                return b;
            }
            case 7: { // flip 1 to 4 bytes of the data only: must still be read, with the new values
                int offset = dataOffset(b);
                for (int f = 1 + rnd.nextInt(4); f > 0; f--) {
                    int at = offset + rnd.nextInt(b.length - offset);
                    b[at] = (byte) (b[at] ^ (1 + rnd.nextInt(255)));
                }
                return b;
            }
            default: { // random bytes, after the magic string half the time
                byte[] r = new byte[rnd.nextInt(200)];
                rnd.nextBytes(r);
                if (r.length >= 8 && rnd.nextBoolean()) {
                    System.arraycopy(b, 0, r, 0, 8);
                }
                return r;
            }
        }
    }

    private static int dataOffset(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return b[6] == 1 ? 10 + (bb.getShort(8) & 0xffff) : 12 + bb.getInt(8);
    }

    /** Decodes the data region again, element by element, from the metadata the reader reported. */
    private static void checkAgainstIndependentDecoding(byte[] bytes, NpyArray a, int c, int op) {
        String where = "case " + c + " (op " + op + ")";
        String dtype = a.dtype();
        assertTrue(Arrays.asList(DTYPES).contains(dtype), where + ": dtype " + dtype);
        String header = new String(bytes, 0, dataOffset(bytes), StandardCharsets.ISO_8859_1);
        assertTrue(header.contains(dtype), where + ": dtype not in header");
        int[] shape = a.shape();
        assertTrue(shape.length == 1 || shape.length == 2, where);
        int rows = shape[0];
        int cols = shape.length == 2 ? shape[1] : 1;
        int size = dtype.charAt(2) - '0';
        assertEquals((long) rows * cols, a.size(), where);
        assertEquals((long) rows * cols * size, bytes.length - dataOffset(bytes), where + ": data bytes");
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(dtype.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        double[] data = a.data();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int fileIndex = a.fortranOrder() ? j * rows + i : i * cols + j;
                int at = dataOffset(bytes) + fileIndex * size;
                double expected;
                switch (dtype.substring(1)) {
                    case "f8": expected = bb.getDouble(at); break;
                    case "f4": expected = bb.getFloat(at); break;
                    case "i8": expected = bb.getLong(at); break;
                    default: expected = bb.getInt(at); break;
                }
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(data[i * cols + j]),
                        where + ": element (" + i + ", " + j + ")");
            }
        }
    }
}
