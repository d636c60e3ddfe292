package vn.khien.app.security;

import java.util.Locale;
import java.util.Set;

/**
 * The password rule for Khiên's own logins: at least 12 characters from three of the four classes, not
 * containing the user name, not one of the weak passwords Vietnamese agencies are known to use.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    private static final Set<String> WEAK = Set.of(
            "123456789012",
            "123456123456",
            "abc@12345678",
            "admin@123456",
            "demo@1234567",
            "password1234",
            "matkhau@1234",
            "qwerty123456",
            "1qaz2wsx3edc",
            "p@ssw0rd1234",
            "admin1234567");

    private PasswordPolicy() {}

    /** Throws {@link PasswordPolicyException} with a message key naming the broken rule. */
    public static void check(String password, String username, String displayName) {
        if (password.length() < MIN_LENGTH) {
            throw new PasswordPolicyException("password.too-short");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw new PasswordPolicyException("password.classes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT)) || WEAK.contains(lower)) {
            throw new PasswordPolicyException("password.weak");
        }
        for (String part : displayName.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (part.length() >= 4 && lower.contains(part)) {
                throw new PasswordPolicyException("password.weak");
            }
        }
    }
}
