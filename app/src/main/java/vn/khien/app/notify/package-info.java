/**
 * Notifications (thông báo): e-mail over SMTP and Telegram, per-person preferences, Vietnamese templates,
 * retries with backoff, a delivery log, pages that climb primary → backup → team lead until acknowledged through
 * a signed link, digests for low-severity events, and relayed national warnings with who acknowledged them.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications")
package vn.khien.app.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
