/** Types every importer shares: counts of read/accepted/rejected records and where each rejection was. */
@NullMarked
package vn.khien.core.ingest;

import org.jspecify.annotations.NullMarked;
