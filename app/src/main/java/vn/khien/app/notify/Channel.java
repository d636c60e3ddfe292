package vn.khien.app.notify;

/** How a person is reached. */
public enum Channel {
    EMAIL,
    TELEGRAM
}
