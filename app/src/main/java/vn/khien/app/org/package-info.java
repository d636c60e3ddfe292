/**
 * Organisation (tổ chức): the province's effective-dated unit tree, the IP ranges and mail domains each
 * unit owns, and people. Every read and write takes the caller's {@link vn.khien.app.platform.UnitScope}.
 */
@NullMarked
@ApplicationModule(displayName = "Organisation")
package vn.khien.app.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
