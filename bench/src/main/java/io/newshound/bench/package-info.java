/**
 * Benchmark harnesses. Each runs Newshound against real parts and, in the same run, a bare baseline
 * doing the same I/O, and prints one table. Run them with the scripts in {@code bench/}.
 */
package io.newshound.bench;
