/** Indicators of compromise: the model, importers of feed formats, and the matchers. */
@NullMarked
package vn.khien.core.intel;

import org.jspecify.annotations.NullMarked;
