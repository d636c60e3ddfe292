/**
 * Audit trail (nhật ký kiểm toán): every state change, who made it, when, and the record before and after,
 * hash-chained so that editing or deleting any row is detected by {@code khien audit-verify}.
 */
@NullMarked
@ApplicationModule(displayName = "Audit trail")
package vn.khien.app.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
