/**
 * Directive compliance (tuân thủ chỉ thị): evaluates core's endpoint and unit rules over the inventory after each
 * import and nightly, keeps one finding per rule and subject (opened, resolved, reopened, with history), exceptions
 * with justification, approver and expiry, and daily unit scores for trends. Other modules publish their own
 * findings through {@link vn.khien.app.compliance.ComplianceService#publish} (the account audits: subjects of kind
 * ACCOUNT, scored over each unit's accounts); compliance never reads their tables.
 */
@NullMarked
@ApplicationModule(displayName = "Compliance")
package vn.khien.app.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
