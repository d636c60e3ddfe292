/** Organisation inputs: CSV files of units (cơ quan, đơn vị) and people, with Vietnamese or English headers. */
@NullMarked
package vn.khien.core.org;

import org.jspecify.annotations.NullMarked;
