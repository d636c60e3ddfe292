/**
 * Importers of indicator feeds: plain lists, CSV exports (abuse.ch included), STIX 2.1 bundles, MISP events
 * and feeds, MISP warninglists, a content sniffer that picks among them, and a TAXII 2.1 client written
 * against a small HTTP interface so the application can plug in its own transport.
 */
@NullMarked
package vn.khien.core.intel.feeds;

import org.jspecify.annotations.NullMarked;
