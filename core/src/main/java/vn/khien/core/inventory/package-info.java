/**
 * Endpoint inventory (kiểm kê máy trạm): the facts Khiên knows about each official computer, and the importers
 * that produce them from osquery result logs and TLS messages, antivirus/EDR console CSV exports and endpoint
 * reports posted by scripts. Every fact carries its {@link vn.khien.core.inventory.FactSource}.
 */
@NullMarked
package vn.khien.core.inventory;

import org.jspecify.annotations.NullMarked;
