/**
 * A deterministic generator of demo inputs (osquery result logs and antivirus console CSVs) for a province's
 * endpoints, with realistic gaps; the demo runs its output through the real importers.
 */
@NullMarked
package vn.khien.core.inventory.demo;

import org.jspecify.annotations.NullMarked;
