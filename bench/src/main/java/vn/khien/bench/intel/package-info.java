/** Benchmarks of the indicator matchers: data generator, end-to-end runner against baselines, JMH. */
@NullMarked
package vn.khien.bench.intel;

import org.jspecify.annotations.NullMarked;
