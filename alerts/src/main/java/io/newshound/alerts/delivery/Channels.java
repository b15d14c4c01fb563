package io.newshound.alerts.delivery;

import jakarta.mail.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Opens channels. One HTTP client serves every HTTP channel (its connections are pooled per host);
 * each channel times its own requests out.
 */
public final class Channels {
    private final HttpPoster poster;
    private final AlertFormatter formatter;

    public Channels(Duration timeout, ZoneId zone) {
        HttpClient client =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.poster = new HttpPoster(client, timeout, Clock.systemUTC());
        this.formatter = new AlertFormatter(zone);
    }

    public AlertChannel console(String name, Consumer<String> out) {
        return new ConsoleChannel(name, formatter, out);
    }

    public AlertChannel webhook(String name, URI url, String secret) {
        return new WebhookChannel(name, url, secret, poster);
    }

    public AlertChannel slack(String name, URI webhook) {
        return new SlackChannel(name, webhook, poster, formatter, null, null);
    }

    /**
     * A Slack channel posted to with a bot token through the Web API at {@code api}; re-reports go
     * as replies in their claim's thread.
     */
    public AlertChannel slackBot(String name, URI api, String token, String channel) {
        URI base = api.toString().endsWith("/") ? api : URI.create(api + "/");
        return new SlackChannel(name, base, poster, formatter, token, channel);
    }

    /**
     * @throws IllegalArgumentException when {@code from} or {@code to} is not a mail address
     */
    public AlertChannel email(String name, Smtp smtp, String to) {
        return new EmailChannel(name, smtp.session(), smtp.from(), to, formatter);
    }

    /**
     * An SMTP server to send through.
     *
     * @param host its host
     * @param port its port (25, 587 with STARTTLS, 465 with TLS)
     * @param username null when it needs no login
     * @param password the login's password
     * @param startTls whether to require STARTTLS
     * @param from the sender address
     * @param timeout connect, read and write timeout
     */
    public record Smtp(
            String host,
            int port,
            String username,
            String password,
            boolean startTls,
            String from,
            Duration timeout) {
        Session session() {
            Properties props = new Properties();
            props.put("mail.smtp.host", host);
            props.put("mail.smtp.port", String.valueOf(port));
            props.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
            props.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
            props.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
            if (startTls) {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            if (username == null) {
                return Session.getInstance(props);
            }
            props.put("mail.smtp.auth", "true");
            return Session.getInstance(
                    props,
                    new jakarta.mail.Authenticator() {
                        @Override
                        protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                            return new jakarta.mail.PasswordAuthentication(username, password);
                        }
                    });
        }
    }
}
