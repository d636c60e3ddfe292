package vn.khien.app.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.khien.app.notify.Channel;
import vn.khien.app.notify.NotifyProperties;

/**
 * Sends one message over SMTP or the Telegram Bot API, retrying transient failures with exponential backoff.
 * Failures are classified: bad addresses, refused credentials and Telegram 4xx answers (except 429) are fatal and
 * not retried; connection errors, SMTP send errors, 429 and 5xx are retried.
 */
@Component
public class Couriers {
    /** The connection details of one send. */
    public record Route(
            Channel channel,
            String address,
            String smtpHost,
            int smtpPort,
            String smtpFrom,
            String telegramBaseUrl,
            String token,
            String smtpUsername,
            String smtpPassword,
            boolean smtpStartTls) {
        @Override
        public String toString() {
            return "Route[" + channel + " " + address + "]";
        }
    }

    /** What happened: sent or not, after how many attempts, and the last error. */
    public record Outcome(boolean sent, int attempts, String error) {}

    static final class Failure extends Exception {
        final boolean retryable;

        Failure(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final NotifyProperties properties;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Couriers(NotifyProperties properties) {
        this.properties = properties;
    }

    public Outcome send(Route route, String subject, String text) {
        String error = "";
        int attempt = 0;
        long wait = properties.backoff().toMillis();
        while (attempt < Math.max(1, properties.attempts())) {
            attempt++;
            try {
                if (route.channel() == Channel.EMAIL) {
                    mail(route, subject, text);
                } else {
                    telegram(route, subject + "\n\n" + text);
                }
                return new Outcome(true, attempt, "");
            } catch (Failure f) {
                error = f.getMessage();
                if (!f.retryable) {
                    break;
                }
                if (attempt < properties.attempts()) {
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new Outcome(false, attempt, "interrupted after: " + error);
                    }
                    wait *= 2;
                }
            }
        }
        return new Outcome(false, attempt, error);
    }

    private void mail(Route r, String subject, String text) throws Failure {
        if (r.smtpHost().isBlank()) {
            throw new Failure("SMTP is not configured", false);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(r.smtpHost());
        sender.setPort(r.smtpPort());
        sender.setDefaultEncoding("UTF-8");
        Properties p = sender.getJavaMailProperties();
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        if (r.smtpStartTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!r.smtpUsername().isBlank()) {
            sender.setUsername(r.smtpUsername());
            sender.setPassword(r.smtpPassword());
            p.put("mail.smtp.auth", "true");
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(r.smtpFrom());
        m.setTo(r.address());
        m.setSubject(subject);
        m.setText(text);
        try {
            sender.send(m);
        } catch (MailAuthenticationException | MailParseException e) {
            throw new Failure("SMTP refused: " + e.getClass().getSimpleName(), false);
        } catch (MailException e) {
            throw new Failure("SMTP failed: " + e.getClass().getSimpleName(), true);
        }
    }

    private void telegram(Route r, String text) throws Failure {
        if (r.telegramBaseUrl().isBlank() || r.token().isBlank()) {
            throw new Failure("Telegram is not configured", false);
        }
        String base = r.telegramBaseUrl().endsWith("/") ? r.telegramBaseUrl() : r.telegramBaseUrl() + "/";
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "bot" + r.token() + "/sendMessage"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("chat_id", r.address(), "text", text)), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            int s = res.statusCode();
            if (s / 100 == 2) {
                return;
            }
            // never put the URL in the message: it carries the bot token
            throw new Failure("Telegram answered HTTP " + s, s == 429 || s >= 500);
        } catch (IOException e) {
            throw new Failure("Telegram unreachable: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        }
    }
}
