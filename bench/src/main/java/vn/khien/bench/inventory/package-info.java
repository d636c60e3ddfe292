/** Benchmarks of the inventory importers. */
package vn.khien.bench.inventory;
