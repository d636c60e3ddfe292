package vn.khien.bench.logs;

import java.time.Instant;

/**
 * The same allocation-free EVE timestamp reading the core fast path uses (copied, because the core class is
 * package-private), so both sides of the benchmark pay the same for times.
 */
final class EveTimes {
    private EveTimes() {}

    static Instant parse(String s) {
        int year = Integer.parseInt(s, 0, 4, 10);
        int month = Integer.parseInt(s, 5, 7, 10);
        int day = Integer.parseInt(s, 8, 10, 10);
        int hour = Integer.parseInt(s, 11, 13, 10);
        int minute = Integer.parseInt(s, 14, 16, 10);
        int second = Integer.parseInt(s, 17, 19, 10);
        int i = 19;
        long nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (Character.isDigit(s.charAt(i))) {
                i++;
            }
            nanos = Long.parseLong(s, start, i, 10);
            for (int d = i - start; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offset = 0;
        if (s.charAt(i) != 'Z') {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            offset = sign * (Integer.parseInt(s, i + 1, i + 3, 10) * 3600 + Integer.parseInt(s, i + 3, i + 5, 10) * 60);
        }
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long days = (long) era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
        return Instant.ofEpochSecond(days * 86400 + hour * 3600L + minute * 60L + second - offset, nanos);
    }
}
