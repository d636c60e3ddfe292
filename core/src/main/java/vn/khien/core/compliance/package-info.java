/**
 * Directive compliance (tuân thủ chỉ đạo): rule packs (versioned files of rules, thresholds and the directive
 * requirements they implement), the pure evaluation of endpoint and unit facts against them, and unit scores.
 */
@NullMarked
package vn.khien.core.compliance;

import org.jspecify.annotations.NullMarked;
