/**
 * Detection (phát hiện): logs received by upload, HTTP bulk and syslog, parsed by the core parsers, matched
 * against the intelligence module's indicators, attributed to the inventory's endpoint owning the source address
 * and to its unit (else the unit by IP range), and kept as alerts (one per source address and indicator) with
 * bounded evidence. New alerts are published as {@link AlertRaised}; a line from a machine marked as handling state
 * secrets raises a SECRET-ZONE alert and publishes {@link SecretMachineSeen} (compliance's evidence).
 */
@NullMarked
@ApplicationModule(displayName = "Detection")
package vn.khien.app.detection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
