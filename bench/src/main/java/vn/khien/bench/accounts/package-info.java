/** End-to-end benchmarks of the account engines: combolist scan vs ripgrep, breached store, hash audit. */
@NullMarked
package vn.khien.bench.accounts;

import org.jspecify.annotations.NullMarked;
