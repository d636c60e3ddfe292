/** Benchmarks of rule evaluation over a province-sized inventory. */
package vn.khien.bench.compliance;
