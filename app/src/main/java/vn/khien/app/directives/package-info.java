/**
 * Directives (công văn): import through the core parser, review and correction, activation; items become tasks for
 * units and sub-units with deadlines, measured from compliance rules or reported with evidence; overdue tasks
 * escalate to the parent unit; each unit submits an implementation report approved by its head; the province sees
 * who has reported. The root package is the API other modules (reports) read.
 */
@NullMarked
@ApplicationModule(displayName = "Directives")
package vn.khien.app.directives;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
