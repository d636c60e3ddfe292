package vn.khien.core.accounts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An unsalted password hash kind that a breached-password store can hold. */
public enum HashKind {
    /** SHA-1 of the UTF-8 password, as in Pwned Passwords' SHA-1 download and LDAP {@code {SHA}}. */
    SHA1(20, (byte) 1),
    /** NT hash: MD4 of the UTF-16LE password, as in Active Directory and Pwned Passwords' NTLM download. */
    NTLM(16, (byte) 2);

    private final int length;
    private final byte code;

    HashKind(int length, byte code) {
        this.length = length;
        this.code = code;
    }

    /** Hash length in bytes. */
    public int length() {
        return length;
    }

    /** Hash length in hex digits. */
    public int hexLength() {
        return length * 2;
    }

    /** The code written in store headers. */
    public byte code() {
        return code;
    }

    /** File-name stem of a store of this kind, e.g. {@code ntlm}. */
    public String fileStem() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose header code is {@code code}, or an exception naming it. */
    public static HashKind ofCode(int code) {
        for (HashKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown hash kind code " + code);
    }

    /** The kind whose full hex form has {@code hexDigits} digits, or {@code null}. */
    public static @Nullable HashKind ofHexLength(int hexDigits) {
        for (HashKind kind : values()) {
            if (kind.hexLength() == hexDigits) {
                return kind;
            }
        }
        return null;
    }
}
