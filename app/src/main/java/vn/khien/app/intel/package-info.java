/**
 * Threat intelligence (tình báo mối đe dọa): feeds of indicators of compromise imported from files, URLs and
 * TAXII collections, warninglists that suppress known-benign values, the free-webmail policy list, and the
 * in-memory matcher built from the active indicators.
 */
@NullMarked
@ApplicationModule(displayName = "Threat intelligence")
package vn.khien.app.intel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
