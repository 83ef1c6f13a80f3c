/**
 * The library's fixed-partition parallel loop: tasks fixed by the caller, plain threads per call
 * (no shared pool), results independent of the thread count.
 */
package org.ntk.core.parallel;
