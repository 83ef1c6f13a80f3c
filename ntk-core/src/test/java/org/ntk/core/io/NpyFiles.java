package org.ntk.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code .npy} files byte by byte for tests (also other modules' tests, through the test-jar),
 * following the format specification (numpy/lib/format.py, "Format Version 1.0" to "3.0"),
 * independently of {@link Npy}'s writer:
 *
 * <pre>
 * bytes 0-5   magic  \x93 N U M P Y
 * byte  6     major version (1, 2 or 3)
 * byte  7     minor version (0)
 * then        header length HEADER_LEN: uint16 little-endian (v1) or uint32 little-endian (v2, v3)
 * then        HEADER_LEN bytes: a Python dict literal, Latin-1 (v1, v2) or UTF-8 (v3), padded with
 *             spaces and ended by '\n' so that the preamble plus header is a multiple of 64 bytes
 * then        the elements, in C or Fortran order, in the dtype's byte order
 * </pre>
 */
public final class NpyFiles {

    private NpyFiles() {
    }

    /** A header dict as NumPy writes it. */
    public static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
    }

    /** A complete file: preamble, the header text padded to 64-byte alignment and ended by '\n', then data. */
    public static byte[] file(int major, String headerText, byte[] data) {
        byte[] text = headerText.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lenBytes + text.length + 1;
        int pad = (64 - unpadded % 64) % 64;
        byte[] header = new byte[text.length + pad + 1];
        System.arraycopy(text, 0, header, 0, text.length);
        for (int i = text.length; i < header.length - 1; i++) {
            header[i] = ' ';
        }
        header[header.length - 1] = '\n';
        return raw(major, 0, header.length, lenBytes, header, data);
    }

    /** A file with every field given explicitly (no padding, any declared header length). */
    public static byte[] raw(int major, int minor, long declaredHeaderLen, int lenBytes, byte[] header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x93);
        out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
        out.write(major);
        out.write(minor);
        ByteBuffer len = ByteBuffer.allocate(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (lenBytes == 2) {
            len.putShort((short) declaredHeaderLen);
        } else {
            len.putInt((int) declaredHeaderLen);
        }
        out.writeBytes(len.array());
        out.writeBytes(header);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** The values encoded in the given dtype ('<' or '>' then f8, f4, i8 or i4), in the order given. */
    public static byte[] data(String dtype, double... values) {
        ByteOrder order = dtype.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        int size = dtype.charAt(2) - '0';
        ByteBuffer bb = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (dtype.substring(1)) {
                case "f8": bb.putDouble(v); break;
                case "f4": bb.putFloat((float) v); break;
                case "i8": bb.putLong((long) v); break;
                case "i4": bb.putInt((int) v); break;
                default: throw new IllegalArgumentException(dtype);
            }
        }
        return bb.array();
    }
}
