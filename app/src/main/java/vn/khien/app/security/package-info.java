/**
 * Security (bảo mật): logins with Argon2id passwords, TOTP second factor (mandatory for administrators),
 * lockout with backoff, API keys for integrations, the caller's unit scope, and encryption of secrets
 * at rest.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package vn.khien.app.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
