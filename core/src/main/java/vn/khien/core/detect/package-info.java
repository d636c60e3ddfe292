/** Offline detection: indicator files and one log file in, one JSON line per matching log line out. */
@NullMarked
package vn.khien.core.detect;

import org.jspecify.annotations.NullMarked;
