package vn.khien.core.logs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Reads Suricata's EVE timestamps ({@code 2019-08-22T23:48:27.924120+0000}, also {@code Z} or
 * {@code +07:00}) straight from bytes without allocating, because on a DNS-heavy sensor this runs for every
 * line; anything else returns {@code null} and the caller falls back to a general parser.
 */
final class EveTime {
    private EveTime() {}

    static @Nullable Instant parse(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 127) {
                return LogValues.iso(s);
            }
            b[i] = (byte) c;
        }
        Instant t = parse(b, 0, b.length);
        return t != null ? t : LogValues.iso(s);
    }

    static @Nullable Instant parse(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || b[from + 10] != 'T'
                || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return null;
        }
        int year = num(b, from, 4);
        int month = num(b, from + 5, 2);
        int day = num(b, from + 8, 2);
        int hour = num(b, from + 11, 2);
        int minute = num(b, from + 14, 2);
        int second = num(b, from + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60) {
            return null;
        }
        int i = from + 19;
        long nanos = 0;
        if (i < to && b[i] == '.') {
            i++;
            int digits = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (digits < 9) {
                    nanos = nanos * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        int offset;
        if (i < to && b[i] == 'Z' && i + 1 == to) {
            offset = 0;
        } else if (i < to && (b[i] == '+' || b[i] == '-')) {
            int sign = b[i] == '-' ? -1 : 1;
            int oh;
            int om;
            if (to - i == 5) {
                oh = num(b, i + 1, 2);
                om = num(b, i + 3, 2);
            } else if (to - i == 6 && b[i + 3] == ':') {
                oh = num(b, i + 1, 2);
                om = num(b, i + 4, 2);
            } else {
                return null;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offset = sign * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long days = daysFromCivil(year, month, day);
        long epoch = days * 86400 + hour * 3600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(epoch, nanos);
    }

    private static int num(byte[] b, int at, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            int d = b[at + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        int year = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(year, 400);
        int yoe = year - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return (long) era * 146097 + doe - 719468;
    }
}
