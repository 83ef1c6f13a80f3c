/**
 * Argument validation at the library's public boundary: messages of the form
 * {@code <argument> <rule>, got <value>}, NaN-safe comparisons, and the memory guard for dense
 * n×n allocations.
 */
package org.ntk.core.validation;
