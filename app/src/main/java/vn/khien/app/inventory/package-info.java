/**
 * Endpoint inventory (kiểm kê máy trạm): every official computer with its unit, zone and the facts osquery, antivirus
 * consoles and endpoint reports gave about it, each with its source. Imports go through core's importers in one
 * transaction each; the osquery TLS remote API lets agents report directly.
 */
@NullMarked
@ApplicationModule(displayName = "Inventory")
package vn.khien.app.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
