/**
 * Incidents (sự cố): intake by any staff member, promotion of alerts, the workflow new → triaged → responding →
 * resolved → closed with tasks and a timeline, legal reporting deadlines from a versioned rule pack, evidence
 * files and the initial (form 03) and final reports as official DOCX documents.
 */
@NullMarked
@ApplicationModule(displayName = "Incidents")
package vn.khien.app.incidents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
