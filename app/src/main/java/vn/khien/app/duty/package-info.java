/**
 * Duty (trực): response teams, rosters of shifts with a primary and a backup, the Tết template for 24/7 holiday
 * coverage, swaps with approval, handover notes, who is on duty now and coverage gaps before they happen.
 */
@NullMarked
@ApplicationModule(displayName = "Duty rosters")
package vn.khien.app.duty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
