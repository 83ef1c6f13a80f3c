package org.ntk.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import org.ntk.core.kernel.DenseKernelMatrix;
import org.ntk.core.kernel.KernelMatrix;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0, as specified in
 * {@code numpy/lib/format.py}; DESIGN.md "File formats").
 *
 * <p><b>Layout.</b> A file is the magic string {@code \x93NUMPY}, a major and a minor version byte,
 * the header length (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and 3.0), the header (a
 * Python dict literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}, Latin-1
 * in versions 1.0 and 2.0, UTF-8 in 3.0, padded with spaces and ended with a newline) and then the
 * raw elements.
 *
 * <p><b>Reading</b> accepts the dtypes {@code <f8 >f8 <f4 >f4 <i8 >i8 <i4 >i4} (the four of DESIGN.md
 * plus their other byte orders, at no cost), C or Fortran order, 1-D or 2-D, and returns the data in
 * C order as doubles. It is hardened against damaged and hostile files: it reads through a bounded
 * buffer, caps the header at {@link #MAX_HEADER_BYTES}, checks that the shape's byte count equals the
 * bytes the file actually holds before allocating anything, checks that the array fits in the heap,
 * and reports every problem as an {@link IllegalArgumentException} of the form
 * {@code <file>: <rule>, got <value>}. Trailing bytes after the data are an error (they indicate a
 * damaged or concatenated file). Empty arrays (a zero dimension), 0-D and 3-D or higher arrays are
 * rejected: the library needs non-empty vectors and matrices. Non-finite values (NaN, ±∞) are read
 * as they are; callers validate them (the library's entry points reject them).
 *
 * <p><b>Writing</b> produces {@code <f8}, C order, version 1.0, with the header padded exactly as
 * NumPy pads it (so the bytes equal {@code numpy.save}'s), through {@link AtomicFile}: the target
 * is replaced all at once or not at all.
 *
 * <p>Cost: O(file size) time; memory the returned array plus a 64 KiB buffer. Stateless and
 * thread-safe.
 */
public final class Npy {

    /** The largest header accepted, in bytes (NumPy itself writes about 128). */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy leaves room for the first axis to grow to this many digits (format.GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int BUFFER = 1 << 16;
    /** The direct buffer of a channel write: 1 MiB. */
    private static final int CHANNEL_BUFFER = 1 << 20;
    private static final List<String> DTYPES = List.of("<f8", ">f8", "<f4", ">f4", "<i8", ">i8", "<i4", ">i4");

    private Npy() {
    }

    // ------------------------------------------------------------------------------------- reading

    /**
     * Reads a 1-D or 2-D array from a {@code .npy} file.
     *
     * @param path the file. Its name (as given) appears in every error message.
     * @return the array, in C order, as doubles
     * @throws IllegalArgumentException if the file is not a valid {@code .npy} file of a supported
     *     dtype, order and shape, is truncated or has trailing bytes, holds an empty array, or is too
     *     large for the heap; the message names the file, the rule and what was found
     * @throws UncheckedIOException if the file does not exist or cannot be read; the message names
     *     the file
     */
    public static NpyArray read(Path path) {
        Objects.requireNonNull(path, "path");
        String source = path.toString();
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(source + ": must be a .npy file, got a directory");
        }
        try {
            long length = Files.size(path);
            try (InputStream in = Files.newInputStream(path)) {
                return read(in, length, source);
            }
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(source + ": cannot read, no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read, " + AtomicFile.describe(e), e);
        }
    }

    /**
     * Reads an array from a stream that holds exactly {@code length} bytes.
     *
     * @param in the stream, positioned at the magic string. Not closed.
     * @param length the number of bytes in the stream (the file size)
     * @param source the name for error messages
     */
    static NpyArray read(InputStream in, long length, String source) throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(pre, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException(source + ": must start with the .npy magic string \\x93NUMPY, got "
                    + (pre.length == 0 ? "an empty file" : hex(pre)));
        }
        if (pre.length < 8) {
            throw new IllegalArgumentException(source + ": is truncated, the format version is missing, got "
                    + length + " bytes");
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new IllegalArgumentException(source + ": format version must be 1.0, 2.0 or 3.0, got "
                    + major + "." + minor);
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenField = in.readNBytes(lenBytes);
        if (lenField.length < lenBytes) {
            throw new IllegalArgumentException(source + ": is truncated, the header length is missing, got "
                    + length + " bytes");
        }
        long headerLen = ByteBuffer.wrap(lenField).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xffffL;
        if (lenBytes == 4) {
            headerLen = ByteBuffer.wrap(lenField).order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL;
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException(source + ": header length must be at most " + MAX_HEADER_BYTES
                    + " bytes, got " + headerLen);
        }
        long preamble = 8L + lenBytes;
        if (preamble + headerLen > length) {
            throw new IllegalArgumentException(source + ": is truncated, the header needs " + headerLen
                    + " bytes, got " + Math.max(0, length - preamble));
        }
        byte[] headerBytes = in.readNBytes((int) headerLen);
        if (headerBytes.length < headerLen) {
            throw new IllegalArgumentException(source + ": is truncated, the header needs " + headerLen
                    + " bytes, got " + headerBytes.length);
        }
        Header h = parseHeader(decode(headerBytes, major == 3, source), source);

        int itemSize = h.dtype.charAt(2) - '0';
        long count = 1;
        for (int dim : h.shape) {
            count *= dim; // at most 2 factors below 2^31: no overflow in a long
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source + ": array must have at most " + (Integer.MAX_VALUE - 8)
                    + " elements (a Java array), got " + count + " for shape " + shapeString(h.shape));
        }
        long dataBytes = count * itemSize;
        long available = length - preamble - headerLen;
        if (available < dataBytes) {
            throw new IllegalArgumentException(source + ": is truncated, shape " + shapeString(h.shape) + " of "
                    + h.dtype + " needs " + dataBytes + " data bytes, got " + available);
        }
        if (available > dataBytes) {
            throw new IllegalArgumentException(source + ": must end after the data, shape " + shapeString(h.shape)
                    + " of " + h.dtype + " needs " + dataBytes + " data bytes, got " + available
                    + " (trailing bytes or a damaged header)");
        }
        requireHeap(count * Double.BYTES, source, h.shape);
        double[] data = readData(in, h, (int) count, source);
        return new NpyArray(source, h.dtype, h.fortranOrder, h.shape, data);
    }

    private record Header(String dtype, boolean fortranOrder, int[] shape) {
    }

    private static String decode(byte[] bytes, boolean utf8, String source) {
        if (!utf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + ": header of a version 3.0 file must be UTF-8, got invalid bytes");
        }
    }

    private static Header parseHeader(String text, String source) {
        Object literal = PythonLiteral.parse(text, source);
        if (!(literal instanceof Map)) {
            throw new IllegalArgumentException(source + ": header must be a dict, got " + PythonLiteral.render(literal));
        }
        Map<?, ?> dict = (Map<?, ?>) literal;
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw new IllegalArgumentException(source + ": header must have the key '" + key + "', got keys "
                        + dict.keySet());
            }
        }
        if (dict.size() != 3) {
            throw new IllegalArgumentException(source
                    + ": header must have exactly the keys descr, fortran_order and shape, got keys " + dict.keySet());
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String) || !DTYPES.contains(descr)) {
            throw new IllegalArgumentException(source + ": dtype must be one of " + String.join(", ", DTYPES)
                    + ", got " + PythonLiteral.render(descr));
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw new IllegalArgumentException(source + ": header 'fortran_order' must be True or False, got "
                    + PythonLiteral.render(fortran));
        }
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof PythonLiteral.Tuple)) {
            throw new IllegalArgumentException(source + ": header 'shape' must be a tuple of integers, got "
                    + PythonLiteral.render(shapeValue));
        }
        List<Object> dims = ((PythonLiteral.Tuple) shapeValue).items();
        for (Object dim : dims) {
            if (!(dim instanceof Long)) {
                throw new IllegalArgumentException(source + ": header 'shape' must be a tuple of integers, got "
                        + PythonLiteral.render(shapeValue));
            }
        }
        if (dims.size() < 1 || dims.size() > 2) {
            throw new IllegalArgumentException(source + ": array must be 1-D or 2-D, got shape "
                    + PythonLiteral.render(shapeValue));
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            long dim = (Long) dims.get(i);
            if (dim < 0) {
                throw new IllegalArgumentException(source + ": shape entries must be >= 0, got shape "
                        + PythonLiteral.render(shapeValue));
            }
            if (dim == 0) {
                throw new IllegalArgumentException(source + ": array must not be empty, got shape "
                        + PythonLiteral.render(shapeValue));
            }
            if (dim > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(source + ": shape entries must be at most "
                        + (Integer.MAX_VALUE - 8) + ", got shape " + PythonLiteral.render(shapeValue));
            }
            shape[i] = (int) dim;
        }
        return new Header((String) descr, (Boolean) fortran, shape);
    }

    private static void requireHeap(long bytes, String source, int[] shape) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new IllegalArgumentException(source + ": array of shape " + shapeString(shape) + " needs "
                    + (bytes >> 20) + " MiB of heap, got " + (free >> 20) + " MiB available; raise -Xmx");
        }
    }

    private static double[] readData(InputStream in, Header h, int count, String source) throws IOException {
        ByteOrder order = h.dtype.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        char kind = h.dtype.charAt(1);
        int itemSize = h.dtype.charAt(2) - '0';
        double[] out = new double[count];
        int rows = h.shape[0];
        int cols = h.shape.length == 2 ? h.shape[1] : 1;
        boolean transpose = h.fortranOrder && h.shape.length == 2 && rows > 1 && cols > 1;
        byte[] buf = new byte[BUFFER];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        // element k of the file goes to out[dest]; in Fortran order k = j·rows + i and dest = i·cols + j
        int i = 0;
        int j = 0;
        int k = 0;
        while (k < count) {
            int want = (int) Math.min((long) BUFFER / itemSize, count - k) * itemSize;
            int got = in.readNBytes(buf, 0, want);
            if (got < want) {
                throw new IllegalArgumentException(source + ": is truncated, the data ended after "
                        + ((long) k * itemSize + got) + " of " + ((long) count * itemSize) + " bytes");
            }
            int n = want / itemSize;
            for (int e = 0; e < n; e++, k++) {
                int off = e * itemSize;
                double v;
                if (kind == 'f') {
                    v = itemSize == 8 ? bb.getDouble(off) : bb.getFloat(off);
                } else {
                    v = itemSize == 8 ? (double) bb.getLong(off) : bb.getInt(off);
                }
                if (transpose) {
                    out[i * cols + j] = v;
                    if (++i == rows) {
                        i = 0;
                        j++;
                    }
                } else {
                    out[k] = v;
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------- writing

    /**
     * Writes a matrix as a 2-D {@code <f8} array in C order (format version 1.0), atomically.
     *
     * @param path the file to create or replace; its directory must exist
     * @param matrix rows×cols, rectangular, at least 1×1. Not modified. Non-finite entries are written
     *     as they are.
     * @throws IllegalArgumentException if the matrix is empty or ragged
     * @throws UncheckedIOException if the file cannot be written; an existing file is then untouched
     */
    public static void write(Path path, double[][] matrix) {
        Objects.requireNonNull(path, "path");
        AtomicFile.write(path, content(matrix));
    }

    /**
     * The bytes {@link #write(Path, double[][])} writes, as content for {@link AtomicFile#write} or for a
     * command that commits several files together. The matrix is checked now and read when the content is
     * written; it must not change in between.
     *
     * @param matrix rows×cols, rectangular, at least 1×1. Not modified.
     * @return the content: a 2-D {@code <f8} array in C order, format version 1.0
     * @throws IllegalArgumentException if the matrix is empty or ragged
     * @throws NullPointerException if the matrix or a row is null
     */
    public static AtomicFile.Content content(double[][] matrix) {
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.length == 0) {
            throw new IllegalArgumentException("matrix must have at least one row, got 0 rows");
        }
        int cols = Objects.requireNonNull(matrix[0], "matrix[0]").length;
        if (cols == 0) {
            throw new IllegalArgumentException("matrix[0] must have at least one column, got 0");
        }
        for (int i = 0; i < matrix.length; i++) {
            double[] row = Objects.requireNonNull(matrix[i], "matrix[" + i + "]");
            if (row.length != cols) {
                throw new IllegalArgumentException("matrix[" + i + "] has length " + row.length + ", expected " + cols);
            }
        }
        return rows(new int[] {matrix.length, cols}, i -> matrix[i]);
    }

    /**
     * Writes a vector as a 1-D {@code <f8} array (format version 1.0), atomically.
     *
     * @param path the file to create or replace; its directory must exist
     * @param vector at least one entry. Not modified. Non-finite entries are written as they are.
     * @throws IllegalArgumentException if the vector is empty
     * @throws UncheckedIOException if the file cannot be written; an existing file is then untouched
     */
    public static void write(Path path, double[] vector) {
        Objects.requireNonNull(path, "path");
        AtomicFile.write(path, content(vector));
    }

    /**
     * The bytes {@link #write(Path, double[])} writes, as content for {@link AtomicFile#write} or for a
     * command that commits several files together. The vector is checked now and read when the content is
     * written; it must not change in between.
     *
     * @param vector at least one entry. Not modified.
     * @return the content: a 1-D {@code <f8} array, format version 1.0
     * @throws IllegalArgumentException if the vector is empty
     * @throws NullPointerException if the vector is null
     */
    public static AtomicFile.Content content(double[] vector) {
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("vector must not be empty, got length 0");
        }
        return rows(new int[] {vector.length}, i -> vector);
    }

    /**
     * Writes a kernel matrix as an n×n {@code <f8} array in C order (format version 1.0), atomically,
     * one row at a time (no n² copy). Cost O(n²): row copies of a {@link DenseKernelMatrix}, otherwise
     * n² calls of {@link KernelMatrix#get}.
     *
     * @param path the file to create or replace; its directory must exist
     * @param matrix the matrix. Not modified.
     * @throws UncheckedIOException if the file cannot be written; an existing file is then untouched
     */
    public static void write(Path path, KernelMatrix matrix) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(matrix, "matrix");
        int n = matrix.size();
        if (matrix instanceof DenseKernelMatrix) {
            DenseKernelMatrix dense = (DenseKernelMatrix) matrix;
            AtomicFile.write(path, rows(new int[] {n, n}, dense::row));
            return;
        }
        double[] row = new double[n];
        AtomicFile.write(path, rows(new int[] {n, n}, i -> {
            for (int j = 0; j < n; j++) {
                row[j] = matrix.get(i, j);
            }
            return row;
        }));
    }

    /**
     * The content of an array of the given shape given by its rows; for a 1-D shape {@code rows.apply(0)}
     * is the whole vector. The function may return the same buffer each time.
     */
    private static AtomicFile.Content rows(int[] shape, IntFunction<double[]> rows) {
        byte[] header = header(shape);
        int nRows = shape.length == 2 ? shape[0] : 1;
        return new AtomicFile.ChannelContent() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(header);
                byte[] buf = new byte[BUFFER];
                ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < nRows; i++) {
                    writeDoubles(out, rows.apply(i), buf, bb);
                }
            }

            @Override
            public void writeTo(WritableByteChannel channel) throws IOException {
                writeFully(channel, ByteBuffer.wrap(header));
                ByteBuffer bb = ByteBuffer.allocateDirect(CHANNEL_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
                DoubleBuffer view = bb.asDoubleBuffer();
                int perChunk = CHANNEL_BUFFER / Double.BYTES;
                for (int i = 0; i < nRows; i++) {
                    double[] row = rows.apply(i);
                    for (int start = 0; start < row.length; ) {
                        int len = Math.min(perChunk - view.position(), row.length - start);
                        view.put(row, start, len);
                        start += len;
                        if (view.position() == perChunk) {
                            flush(channel, bb, view);
                        }
                    }
                }
                flush(channel, bb, view);
            }
        };
    }

    /** Writes the doubles collected in view (a view of bb from position 0) and empties both. */
    private static void flush(WritableByteChannel channel, ByteBuffer bb, DoubleBuffer view) throws IOException {
        bb.clear();
        bb.limit(view.position() * Double.BYTES);
        writeFully(channel, bb);
        view.clear();
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            channel.write(bb);
        }
    }

    private static void writeDoubles(OutputStream out, double[] values, byte[] buf, ByteBuffer bb) throws IOException {
        int perChunk = buf.length / Double.BYTES;
        DoubleBuffer view = bb.asDoubleBuffer(); // little-endian like bb: a bulk copy on little-endian hardware
        for (int start = 0; start < values.length; start += perChunk) {
            int n = Math.min(perChunk, values.length - start);
            view.clear();
            view.put(values, start, n);
            out.write(buf, 0, n * Double.BYTES);
        }
    }

    /** The magic string, version 1.0, header length and header, exactly as NumPy 1.x and 2.x write them. */
    static byte[] header(int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': ")
                .append(shapeString(shape)).append(", }");
        dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape[0]).length()));
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (ALIGN - unpadded % ALIGN) % ALIGN;
        dict.append(" ".repeat(pad)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer bb = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return bb.array();
    }

    /**
     * Returns a shape in NumPy's (Python tuple) notation, as error messages show it: {@code (5,)} or
     * {@code (3, 4)}.
     *
     * @param shape the dimensions. Not modified.
     */
    public static String shapeString(int[] shape) {
        Objects.requireNonNull(shape, "shape");
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 8); i++) {
            sb.append(i > 0 ? " " : "").append(String.format("%02X", bytes[i] & 0xff));
        }
        return sb.toString();
    }
}
