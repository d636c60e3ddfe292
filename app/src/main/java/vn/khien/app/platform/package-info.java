/**
 * Shared kernel of the application: settings, the database (embedded or external PostgreSQL), the caller's
 * unit scope type, and the clock. Every feature module may use it; it depends on none of them.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package vn.khien.app.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
