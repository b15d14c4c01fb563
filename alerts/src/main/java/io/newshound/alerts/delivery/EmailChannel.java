package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import io.newshound.events.Claim;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Mails each alert over SMTP, as plain text and as HTML with the feed's text escaped. The
 * Message-ID is made from the alert id, so a retried alert is the same message to mail clients.
 */
public final class EmailChannel implements AlertChannel {
    private static final int MAX_SUBJECT_CONTENT = 90;
    private static final int MAX_CONTENT = 5_000;

    private final String name;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final AlertFormatter formatter;

    /**
     * @throws IllegalArgumentException when an address cannot be read
     */
    EmailChannel(String name, Session session, String from, String to, AlertFormatter formatter) {
        this.name = name;
        this.session = session;
        try {
            this.from = new InternetAddress(from, true);
            this.to = InternetAddress.parse(to, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException(
                    name + ": not a mail address: " + e.getRef() + " (" + e.getMessage() + ")");
        }
        this.formatter = formatter;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        try {
            Transport.send(message(alert));
        } catch (SendFailedException e) {
            // The server refused the recipients: mailing the same again would be refused too.
            throw DeliveryException.refused(name + ": the mail server refused it: " + oneLine(e));
        } catch (MessagingException e) {
            throw DeliveryException.retryable(name + ": cannot mail it: " + oneLine(e), null);
        }
    }

    MimeMessage message(Alert alert) throws MessagingException {
        Claim c = alert.claim();
        MimeMessage message =
                new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId(alert));
                    }
                };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(
                "["
                        + String.join(", ", alert.topics())
                        + "] "
                        + formatter.headline(alert)
                        + (alert.digest() != null
                                ? ", " + formatter.period(alert.digest())
                                : ": " + formatter.content(c, MAX_SUBJECT_CONTENT)),
                StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(text(alert), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(alert), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        return message;
    }

    private String text(Alert alert) {
        StringBuilder out = new StringBuilder();
        out.append(formatter.headline(alert))
                .append(" in ")
                .append(String.join(", ", alert.topics()));
        if (alert.digest() == null) {
            text(out, alert.claim());
            return out.toString();
        }
        out.append(", ").append(formatter.period(alert.digest())).append('\n');
        for (Claim c : alert.digest().claims()) {
            out.append("\n----");
            text(out, c);
        }
        if (alert.digest().omitted() > 0) {
            out.append("\nand ").append(alert.digest().omitted()).append(" more\n");
        }
        return out.toString();
    }

    private void text(StringBuilder out, Claim c) {
        out.append("\n\n").append(formatter.content(c, MAX_CONTENT)).append("\n\n");
        out.append("Who: ").append(formatter.who(c)).append('\n');
        out.append("In: ")
                .append(AlertFormatter.oneLine(c.articleTitle()))
                .append(" (")
                .append(AlertFormatter.oneLine(c.outlet()))
                .append("), ")
                .append(formatter.time(c))
                .append('\n');
        if (AlertFormatter.link(c) != null) {
            out.append(AlertFormatter.link(c)).append('\n');
        }
        int outlets = AlertFormatter.outlets(c);
        if (outlets > 1) {
            out.append("Now carried by ").append(outlets).append(" outlets\n");
        }
    }

    private String html(Alert alert) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body>");
        out.append("<p><strong>")
                .append(escape(formatter.headline(alert)))
                .append("</strong> in ")
                .append(escape(String.join(", ", alert.topics())));
        if (alert.digest() == null) {
            out.append("</p>");
            html(out, alert.claim());
        } else {
            out.append(", ").append(escape(formatter.period(alert.digest()))).append("</p>");
            for (Claim c : alert.digest().claims()) {
                html(out, c);
            }
            if (alert.digest().omitted() > 0) {
                out.append("<p>and ").append(alert.digest().omitted()).append(" more</p>");
            }
        }
        return out.append("</body></html>").toString();
    }

    private void html(StringBuilder out, Claim c) {
        out.append("<blockquote>")
                .append(escape(formatter.content(c, MAX_CONTENT)))
                .append("</blockquote><p>")
                .append(escape(formatter.who(c)))
                .append("<br>");
        String title = escape(AlertFormatter.oneLine(c.articleTitle()));
        String link = AlertFormatter.link(c);
        out.append(link == null ? title : "<a href=\"" + escape(link) + "\">" + title + "</a>")
                .append(" (")
                .append(escape(AlertFormatter.oneLine(c.outlet())))
                .append("), ")
                .append(escape(formatter.time(c)));
        int outlets = AlertFormatter.outlets(c);
        if (outlets > 1) {
            out.append("<br>Now carried by ").append(outlets).append(" outlets");
        }
        out.append("</p>");
    }

    /** HTML escapes for text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** {@code <hex of the alert id's SHA-256 @newshound>}: the same for every try of one alert. */
    static String messageId(Alert alert) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(alert.id().getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@newshound>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return AlertFormatter.oneLine(message);
    }
}
