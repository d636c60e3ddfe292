package vn.khien.app.detection.internal;

/**
 * Strips syslog headers so the core parsers see the program's own line: the {@code <PRI>} of RFC 3164 and RFC
 * 5424, the BSD timestamp and host name (3164), and the version, timestamp, host, message id and structured
 * data (5424). The program tag is kept as {@code app[procid]: } because some formats (dnsmasq) are recognised
 * by it. A line without {@code <PRI>} is returned unchanged.
 */
final class SyslogMessages {
    private SyslogMessages() {}

    static String strip(String line) {
        if (line.isEmpty() || line.charAt(0) != '<') {
            return line;
        }
        int close = line.indexOf('>');
        if (close < 2 || close > 4 || !digits(line, 1, close)) {
            return line;
        }
        int p = close + 1;
        if (p + 1 < line.length() && Character.isDigit(line.charAt(p)) && line.charAt(p + 1) == ' ') {
            return rfc5424(line, p + 2);
        }
        return rfc3164(line.substring(p));
    }

    private static String rfc5424(String line, int p) {
        String[] f = new String[5]; // timestamp, host, app, procid, msgid
        for (int i = 0; i < 5; i++) {
            int sp = line.indexOf(' ', p);
            if (sp < 0) {
                return line.substring(Math.min(p, line.length()));
            }
            f[i] = line.substring(p, sp);
            p = sp + 1;
        }
        // structured data: "-" or one or more [id k="v" ...] with \" \] \\ escapes
        if (p < line.length() && line.charAt(p) == '-') {
            p++;
        } else {
            while (p < line.length() && line.charAt(p) == '[') {
                boolean quoted = false;
                p++;
                while (p < line.length()) {
                    char c = line.charAt(p);
                    if (c == '\\') {
                        p += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == ']' && !quoted) {
                        p++;
                        break;
                    }
                    p++;
                }
            }
        }
        if (p < line.length() && line.charAt(p) == ' ') {
            p++;
        }
        String msg = p < line.length() ? line.substring(p) : "";
        if (msg.startsWith("\uFEFF")) {
            msg = msg.substring(1);
        }
        String app = f[2];
        if (app.equals("-")) {
            return msg;
        }
        return app + (f[3].equals("-") ? "" : "[" + f[3] + "]") + ": " + msg;
    }

    private static String rfc3164(String rest) {
        // "Mmm dd hh:mm:ss host tag: msg" — the timestamp and host are optional in practice
        String s = rest;
        if (s.length() > 16 && s.charAt(3) == ' ' && s.charAt(9) == ':' && s.charAt(12) == ':' && s.charAt(15) == ' ') {
            s = s.substring(16);
            int sp = s.indexOf(' ');
            if (sp > 0) {
                String token = s.substring(0, sp);
                boolean isTag = token.endsWith(":") || token.indexOf('[') >= 0;
                if (!isTag) {
                    s = s.substring(sp + 1);
                }
            }
        }
        return s;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
