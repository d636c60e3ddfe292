package vn.khien.app.security;

/** A new password breaks the policy; the message is a message-bundle key naming the rule. */
public class PasswordPolicyException extends RuntimeException {
    public PasswordPolicyException(String messageKey) {
        super(messageKey, null, false, false);
    }
}
