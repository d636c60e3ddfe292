/** JMH benchmarks of the core engines. */
package vn.khien.bench;
