/**
 * The demo province ("Tỉnh Demo"): real-format CSV inputs run through the real importers on first start, and
 * a login for each role, so every page can be tried at once. Never inserts rows into result tables.
 */
@NullMarked
@ApplicationModule(displayName = "Demo province")
package vn.khien.app.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
