/**
 * Detection (phát hiện): logs received by upload, HTTP bulk and syslog, parsed by the core parsers, matched
 * against the intelligence module's indicators, attributed to units by IP range, and kept as alerts (one per
 * source address and indicator) with bounded evidence. New alerts are published as {@link AlertRaised}.
 */
@NullMarked
@ApplicationModule(displayName = "Detection")
package vn.khien.app.detection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
