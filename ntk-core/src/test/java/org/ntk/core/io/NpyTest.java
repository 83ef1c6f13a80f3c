package org.ntk.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ntk.core.io.NpyFiles.data;
import static org.ntk.core.io.NpyFiles.dict;
import static org.ntk.core.io.NpyFiles.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ntk.core.kernel.DenseKernelMatrix;

class NpyTest {

    @TempDir
    Path dir;

    static NpyArray read(byte[] bytes) {
        try {
            return Npy.read(new ByteArrayInputStream(bytes), bytes.length, "x.npy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IllegalArgumentException rejects(byte[] bytes, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(bytes));
        assertTrue(e.getMessage().startsWith("x.npy: "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "'" + f + "' not in: " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------------------ round trips

    @Test
    void roundTripMatrixIsBitwiseIncludingSpecialValues() {
        double[][] m = {
            {1.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY},
            {Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY, -3.25e-300},
            {Math.PI, -Math.E, 1e308, 0.1},
        };
        Path p = dir.resolve("m.npy");
        Npy.write(p, m);
        NpyArray a = Npy.read(p);
        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertEquals(3, a.rows());
        assertEquals(4, a.cols());
        assertEquals("<f8", a.dtype());
        assertFalse(a.fortranOrder());
        double[][] back = a.matrix();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(Double.doubleToRawLongBits(m[i][j]), Double.doubleToRawLongBits(back[i][j]));
            }
        }
    }

    @Test
    void roundTripVectorLongerThanOneWriteBuffer() {
        // 10 000 doubles = 80 000 bytes: more than the 64 KiB chunk of the writer and the reader
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(i) * 1e3 + i;
        }
        Path p = dir.resolve("v.npy");
        Npy.write(p, v);
        NpyArray a = Npy.read(p);
        assertEquals(1, a.rank());
        assertArrayEquals(v, a.vector());
        assertArrayEquals(v, a.data());
    }

    @Test
    void roundTripKernelMatrixRowByRow() {
        double[][] k = {{2, -1, 0.5}, {-1, 3, 0.25}, {0.5, 0.25, 1}};
        Path p = dir.resolve("k.npy");
        Npy.write(p, DenseKernelMatrix.of(k));
        assertArrayEquals(k, Npy.read(p).matrix());
    }

    @Test
    void writtenBytesEqualNumpySave() throws IOException {
        // Reference: numpy 2.4.6, np.save(f, np.arange(12.0).reshape(3, 4)) writes a 10-byte preamble
        // with header length 118 (0x76), the dict below padded by NumPy's 21-digit growth space and
        // 64-byte alignment, then the 96 data bytes (inspected by hand once with python3).
        String numpyHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }"
                + " ".repeat(58) + "\n";
        assertEquals(118, numpyHeader.length());
        double[][] m = new double[3][4];
        double[] flat = new double[12];
        for (int i = 0; i < 12; i++) {
            m[i / 4][i % 4] = i;
            flat[i] = i;
        }
        Path p = dir.resolve("np.npy");
        Npy.write(p, m);
        byte[] expected = NpyFiles.raw(1, 0, 118, 2, numpyHeader.getBytes(StandardCharsets.US_ASCII), data("<f8", flat));
        assertArrayEquals(expected, Files.readAllBytes(p));

        // numpy 2.4.6, np.save(f, np.zeros(5)): header length 118 as well
        String vectorHeader = "{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }" + " ".repeat(60) + "\n";
        byte[] h = Npy.header(new int[] {5});
        assertEquals(128, h.length);
        assertEquals(vectorHeader, new String(h, 10, 118, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 10, 99_999, 1_234_567_890, 2_147_483_639})
    void headerIsAlignedTo64BytesAndEndsWithNewline(int rows) {
        for (int[] shape : new int[][] {{rows}, {rows, 1}, {rows, 2_147_483_639}}) {
            byte[] h = Npy.header(shape);
            assertEquals(0, h.length % 64, Arrays.toString(shape));
            assertEquals('\n', h[h.length - 1]);
            int declared = ByteBuffer.wrap(h, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
            assertEquals(h.length - 10, declared);
        }
    }

    // ------------------------------------------------------------------------ hand-built files

    @ParameterizedTest
    @ValueSource(strings = {"<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4"})
    void readsEveryDtypeInCOrder(String dtype) {
        // values exactly representable in every dtype (integers below 2^24)
        double[] values = {1, -2, 3, 4_000_000, -5, 0};
        NpyArray a = read(file(1, dict(dtype, false, "(2, 3)"), data(dtype, values)));
        assertEquals(dtype, a.dtype());
        assertArrayEquals(new double[][] {{1, -2, 3}, {4_000_000, -5, 0}}, a.matrix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<f8", ">f8", "<f4", "<i8", "<i4"})
    void readsFortranOrder(String dtype) {
        // the 2×3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column: 1 4 2 5 3 6
        NpyArray a = read(file(1, dict(dtype, true, "(2, 3)"), data(dtype, 1, 4, 2, 5, 3, 6)));
        assertTrue(a.fortranOrder());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, a.matrix());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.data());
    }

    @Test
    void readsFortranOrderAcrossBufferChunks() {
        // 3×5000 f8 = 120 000 bytes: the column-major index walk must continue across 64 KiB chunks
        int rows = 3;
        int cols = 5000;
        double[] colMajor = new double[rows * cols];
        double[] expected = new double[rows * cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                colMajor[j * rows + i] = i * 100_000 + j;
                expected[i * cols + j] = i * 100_000 + j;
            }
        }
        NpyArray a = read(file(2, dict("<f8", true, "(3, 5000)"), data("<f8", colMajor)));
        assertArrayEquals(expected, a.data());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsEveryVersion(int major) {
        NpyArray a = read(file(major, dict("<f8", false, "(3,)"), data("<f8", 0.5, 1.5, -2.5)));
        assertArrayEquals(new double[] {0.5, 1.5, -2.5}, a.vector());
    }

    @Test
    void readsFloat32Exactly() {
        // 0.1f is 13421773 · 2^-27 = 0.100000001490116119384765625 exactly (IEEE 754 binary32)
        NpyArray a = read(file(1, dict("<f4", false, "(1,)"), data("<f4", 0.1)));
        assertEquals(0.100000001490116119384765625, a.vector()[0], 0.0);
    }

    @Test
    void readsInt64BeyondTwoTo53Rounded() {
        // 2^53 + 1 is not a double; Java's long-to-double conversion rounds it to 2^53 (JLS 5.1.2)
        long big = (1L << 53) + 1;
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(big).array();
        NpyArray a = read(file(1, dict("<i8", false, "(1,)"), bytes));
        assertEquals(9007199254740992.0, a.vector()[0], 0.0);
    }

    @Test
    void acceptsHeaderVariantsThatPythonAccepts() {
        // double quotes, other key order, no trailing comma, Python 2 'L' suffixes, a 1-tuple without
        // padding and a v1.0 file with 16-byte alignment as NumPy < 1.9 wrote it
        String header = "{\"shape\": (2L, 1L), \"fortran_order\": False, \"descr\": \"<f8\"}";
        NpyArray a = read(file(1, header, data("<f8", 7, 8)));
        assertArrayEquals(new double[][] {{7}, {8}}, a.matrix());
        byte[] h = "{'descr':'<i4','fortran_order':False,'shape':(2,)}  \n".getBytes(StandardCharsets.US_ASCII);
        NpyArray b = read(NpyFiles.raw(1, 0, h.length, 2, h, data("<i4", -1, 1)));
        assertArrayEquals(new double[] {-1, 1}, b.vector());
    }

    @Test
    void readsNonFiniteValuesAsTheyAre() {
        NpyArray a = read(file(1, dict("<f4", false, "(3,)"), data("<f4", Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        double[] v = a.vector();
        assertTrue(Double.isNaN(v[0]));
        assertEquals(Double.POSITIVE_INFINITY, v[1]);
        assertEquals(Double.NEGATIVE_INFINITY, v[2]);
    }

    @Test
    void returnedArraysAreFreshCopies() {
        NpyArray a = read(file(1, dict("<f8", false, "(1, 2)"), data("<f8", 1, 2)));
        a.matrix()[0][0] = 99;
        a.data()[0] = 99;
        a.shape()[0] = 99;
        assertArrayEquals(new double[] {1, 2}, a.data());
        assertArrayEquals(new int[] {1, 2}, a.shape());
    }

    // ------------------------------------------------------------------------------ rejections

    @Test
    void rejectsWrongMagic() {
        rejects(new byte[0], "magic", "empty file");
        rejects("PK\u0003\u0004 not numpy".getBytes(StandardCharsets.ISO_8859_1), "magic", "50 4B 03 04");
        rejects(Arrays.copyOf(file(1, dict("<f8", false, "(1,)"), data("<f8", 1)), 4), "magic");
    }

    @Test
    void rejectsUnsupportedVersions() {
        byte[] good = file(1, dict("<f8", false, "(1,)"), data("<f8", 1));
        for (int[] v : new int[][] {{0, 0}, {4, 0}, {1, 1}, {255, 255}}) {
            byte[] b = good.clone();
            b[6] = (byte) v[0];
            b[7] = (byte) v[1];
            rejects(b, "version must be 1.0, 2.0 or 3.0", "got " + v[0] + "." + v[1]);
        }
    }

    @Test
    void rejectsTruncatedPreambleAndHeader() {
        byte[] good = file(2, dict("<f8", false, "(1,)"), data("<f8", 1));
        rejects(Arrays.copyOf(good, 5), "magic", "93 4E 55 4D 50");
        rejects(Arrays.copyOf(good, 7), "truncated", "format version is missing");
        rejects(Arrays.copyOf(good, 8), "truncated", "header length is missing");
        rejects(Arrays.copyOf(good, 10), "truncated", "header length is missing");
        rejects(Arrays.copyOf(good, 40), "truncated", "header needs");
    }

    @Test
    void rejectsOversizedHeaderWithoutAllocatingIt() {
        // a v2.0 header claiming 4 GiB − 1 bytes: rejected from the length field alone
        byte[] b = NpyFiles.raw(2, 0, 0xFFFF_FFFFL, 4, new byte[0], new byte[0]);
        rejects(b, "header length must be at most 1048576", "got 4294967295");
        byte[] c = NpyFiles.raw(2, 0, (1 << 20) + 1, 4, new byte[0], new byte[0]);
        rejects(c, "at most 1048576", "got 1048577");
    }

    @Test
    void rejectsMalformedHeaderDicts() {
        byte[] d = data("<f8", 1);
        rejects(file(1, "[1, 2]", d), "header must be a dict", "[1, 2]");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False}", d), "key 'shape'");
        rejects(file(1, "{'descr': '<f8', 'shape': (1,)}", d), "key 'fortran_order'");
        rejects(file(1, "{'fortran_order': False, 'shape': (1,)}", d), "key 'descr'");
        rejects(file(1, dict("<f8", false, "(1,)").replace("}", "'extra': 1, }"), d), "exactly the keys", "extra");
        rejects(file(1, dict("<f8", false, "(1,)").replace("False", "Flase"), d), "literals", "Flase");
        rejects(file(1, dict("<f8", false, "(1,)").replace("'<f8'", "'<f8"), d), "header");
        rejects(file(1, "{'descr': '<f8' 'fortran_order': False, 'shape': (1,)}", d), "header");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} trailing", d), "must end after");
        rejects(file(1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (1,)}", d), "unique");
        rejects(file(1, "{1: '<f8'}", d), "keys must be strings");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,)}", d), "integer");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,", d), "header");
        rejects(file(1, "", d), "header");
        rejects(file(1, "(".repeat(1000) + ")".repeat(1000), d), "nest");
    }

    @Test
    void rejectsBadFieldValues() {
        byte[] d = data("<f8", 1, 2);
        rejects(file(1, "{'descr': '<f8', 'fortran_order': 0, 'shape': (2,)}", d), "fortran_order", "got 0");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': [2]}", d), "tuple of integers", "[2]");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ('2',)}", d), "tuple of integers");
        rejects(file(1, "{'descr': '<f8', 'fortran_order': False, 'shape': 2}", d), "tuple of integers", "got 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<f2", "<c16", "|u1", "|b1", "<u8", "|O", "<U3", "f8", "=f8", "<f16"})
    void rejectsUnsupportedDtypesNamingThem(String dtype) {
        rejects(file(1, dict(dtype, false, "(1,)"), new byte[8]), "dtype must be one of", "'" + dtype + "'");
    }

    @Test
    void rejectsStructuredDtype() {
        String header = "{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,)}";
        rejects(file(1, header, new byte[12]), "dtype must be one of", "[('a', '<f8')");
    }

    @Test
    void rejectsWrongRanks() {
        rejects(file(1, dict("<f8", false, "()"), data("<f8", 1)), "1-D or 2-D", "got shape ()");
        rejects(file(1, dict("<f8", false, "(2, 1, 1)"), data("<f8", 1, 2)), "1-D or 2-D", "(2, 1, 1)");
        rejects(file(1, dict("<f8", false, "(1, 1, 1, 1)"), data("<f8", 1)), "1-D or 2-D");
    }

    @Test
    void rejectsEmptyArrays() {
        rejects(file(1, dict("<f8", false, "(0,)"), new byte[0]), "must not be empty", "(0,)");
        rejects(file(1, dict("<f8", false, "(0, 3)"), new byte[0]), "must not be empty", "(0, 3)");
        rejects(file(1, dict("<f8", false, "(3, 0)"), new byte[0]), "must not be empty", "(3, 0)");
    }

    @Test
    void rejectsImpossibleShapesBeforeAllocating() {
        byte[] d = data("<f8", 1);
        rejects(file(1, dict("<f8", false, "(-1,)"), d), ">= 0", "(-1,)");
        rejects(file(1, dict("<f8", false, "(99999999999,)"), d), "at most 2147483639", "99999999999");
        rejects(file(1, dict("<f8", false, "(2147483000, 2147483000)"), d), "elements", "4611683235289000000"); // 2147483000² exactly
        rejects(file(1, dict("<f8", false, "(9999999999999999999,)"), d), "64 bits", "9999999999999999999");
        rejects(file(1, dict("<f8", false, "(99999999999999999999,)"), d), "at most 19 digits");
        // 10^9 doubles would need 8 GB: the size check against the 8 data bytes comes first
        rejects(file(1, dict("<f8", false, "(1000000000,)"), d), "truncated", "needs 8000000000 data bytes, got 8");
        rejects(file(1, dict("<f4", false, "(40000, 40000)"), d), "truncated", "6400000000");
    }

    @Test
    void rejectsDataSizeMismatch() {
        rejects(file(1, dict("<f8", false, "(2, 3)"), data("<f8", 1, 2, 3, 4, 5)), "truncated",
                "(2, 3) of <f8 needs 48 data bytes, got 40");
        rejects(file(1, dict("<f8", false, "(2,)"), data("<f8", 1, 2, 3)), "must end after the data", "got 24");
        rejects(file(1, dict("<f4", false, "(2,)"), data("<f8", 1, 2)), "must end after the data");
    }

    @Test
    void rejectsInvalidUtf8InVersion3() {
        byte[] b = file(3, dict("<f8", false, "(1,)"), data("<f8", 1));
        // the header starts at offset 12 (6 magic + 2 version + 4 length bytes); 0xC3 0x28 is a UTF-8
        // lead byte followed by a non-continuation byte: malformed
        b[12] = (byte) 0xC3;
        b[13] = (byte) 0x28;
        rejects(b, "UTF-8");
        // the same bytes are valid Latin-1 in a version 2.0 file and then fail as a literal instead
        b[6] = 2;
        rejects(b, "header");
    }

    @Test
    void rankAccessorsNameSourceAndShape() {
        NpyArray v = read(file(1, dict("<f8", false, "(2,)"), data("<f8", 1, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, v::matrix);
        assertEquals("x.npy: array must be 2-D, got shape (2,)", e.getMessage());
        assertThrows(IllegalArgumentException.class, v::rows);
        assertThrows(IllegalArgumentException.class, v::cols);
        NpyArray m = read(file(1, dict("<f8", false, "(1, 2)"), data("<f8", 1, 2)));
        e = assertThrows(IllegalArgumentException.class, m::vector);
        assertEquals("x.npy: array must be 1-D, got shape (1, 2)", e.getMessage());
    }

    @Test
    void missingFileIsUncheckedIoNamingThePath() {
        Path p = dir.resolve("absent.npy");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void directoryIsRejectedNamingThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(dir));
        assertTrue(e.getMessage().startsWith(dir + ": "), e.getMessage());
    }

    @Test
    void writerRejectsEmptyAndRaggedInputsNamingThem() {
        Path p = dir.resolve("w.npy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.write(p, new double[0]));
        assertTrue(e.getMessage().startsWith("vector"));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.write(p, new double[0][]));
        assertTrue(e.getMessage().startsWith("matrix"));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.write(p, new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().startsWith("matrix[1]"));
        NullPointerException n = assertThrows(NullPointerException.class, () -> Npy.write(p, (double[]) null));
        assertEquals("vector", n.getMessage());
        assertFalse(Files.exists(p));
    }

    @Test
    void channelAndStreamWritesGiveTheSameBytesAcrossBufferBoundaries() throws IOException {
        // 397×397 doubles = 1.26 MB: the 1 MiB direct buffer of the channel path fills in the middle of
        // a row. Reference: the stream path, and an independent little-endian encoding of each value.
        int n = 397;
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                rows[i][j] = Math.sin(i * 0.37 + j) * Math.pow(10, (i + j) % 41 - 20);
                rows[j][i] = rows[i][j];
            }
        }
        rows[3][5] = Double.NaN; // written as it is
        rows[5][3] = Double.NaN;
        DenseKernelMatrix k = DenseKernelMatrix.wrapSymmetric(n, flatten(rows));
        Path viaKernel = dir.resolve("k.npy");
        Npy.write(viaKernel, k);
        Path viaRows = dir.resolve("r.npy");
        Npy.write(viaRows, rows);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        Npy.content(rows).writeTo(stream);
        byte[] expected = stream.toByteArray();
        assertArrayEquals(expected, Files.readAllBytes(viaKernel));
        assertArrayEquals(expected, Files.readAllBytes(viaRows));
        int dataStart = expected.length - n * n * Double.BYTES;
        assertEquals(0, dataStart % 64, "header padded to 64 bytes");
        ByteBuffer le = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long bits = le.getLong(dataStart + (i * n + j) * Double.BYTES);
                assertEquals(Double.doubleToRawLongBits(rows[i][j]), bits, "(" + i + "," + j + ")");
            }
        }
    }

    private static double[] flatten(double[][] rows) {
        int n = rows.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, f, i * n, n);
        }
        return f;
    }

    @Test
    void contentIsTheBytesWriteWritesAndIsCheckedWhenMade() throws IOException {
        double[][] m = {{1, -0.0, Double.NaN}, {Double.MIN_VALUE, 3e300, -7}};
        double[] v = {2, 1.5, Double.NEGATIVE_INFINITY};
        Path pm = dir.resolve("m.npy");
        Path pv = dir.resolve("v.npy");
        Npy.write(pm, m);
        Npy.write(pv, v);
        java.io.ByteArrayOutputStream bm = new java.io.ByteArrayOutputStream();
        Npy.content(m).writeTo(bm);
        java.io.ByteArrayOutputStream bv = new java.io.ByteArrayOutputStream();
        Npy.content(v).writeTo(bv);
        assertArrayEquals(Files.readAllBytes(pm), bm.toByteArray());
        assertArrayEquals(Files.readAllBytes(pv), bv.toByteArray());
        // rejected when the content is made, before anything is staged
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.content(new double[0]));
        assertTrue(e.getMessage().startsWith("vector"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Npy.content(new double[][] {{1}, {2, 3}}));
        assertTrue(e.getMessage().startsWith("matrix[1]"), e.getMessage());
        assertEquals("matrix", assertThrows(NullPointerException.class, () -> Npy.content((double[][]) null))
                .getMessage());
    }
}
