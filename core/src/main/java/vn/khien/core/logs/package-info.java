/** Log parsers: DNS, proxy, flow, IDS and firewall logs to one normalised event. */
@NullMarked
package vn.khien.core.logs;

import org.jspecify.annotations.NullMarked;
