/**
 * File input and output: NumPy {@code .npy} arrays ({@link org.ntk.core.io.Npy},
 * {@link org.ntk.core.io.NpyArray}) and all-or-nothing file replacement
 * ({@link org.ntk.core.io.AtomicFile}).
 *
 * <p>Guarantees: readers never trust a file's declared sizes before checking them against the bytes
 * that are there, allocate nothing larger than the file warrants, and report every damaged, hostile
 * or unsupported file as an {@link java.lang.IllegalArgumentException} naming the file, the rule and
 * what was found (I/O failures as {@link java.io.UncheckedIOException} naming the file). Writers
 * never leave a partial file: the target is replaced atomically after the whole content is on disk,
 * or left untouched. Values are not validated here (NaN and ∞ pass through); the library's entry
 * points validate what they are given. Pure Java; stateless and thread-safe.
 */
package org.ntk.core.io;
