package io.newshound.alerts.delivery;

import static io.newshound.alerts.delivery.HttpChannelsTest.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.newshound.events.Alert;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The email channel against a real SMTP server (GreenMail). */
class EmailChannelTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private final Channels channels = new Channels(Duration.ofSeconds(5), ZoneOffset.UTC);

    private Channels.Smtp smtp(int port) {
        return new Channels.Smtp(
                "127.0.0.1",
                port,
                null,
                null,
                false,
                "newshound@example.org",
                Duration.ofSeconds(5));
    }

    @Test
    void shouldMailTheAlertWithTheFeedTextEscapedInHtml() throws Exception {
        AlertChannel mail =
                channels.email("editors", smtp(SMTP.getSmtp().getPort()), "desk@example.org");

        mail.deliver(alert("<script>alert(1)</script> & the envoy"));
        mail.deliver(alert("<script>alert(1)</script> & the envoy")); // a retry of the same alert

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage first = received[0];
        assertThat(first.getSubject())
                .isEqualTo("[witkoff] New claim: <script>alert(1)</script> & the envoy");
        assertThat(first.getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
        String raw = GreenMailUtil.getWholeMessage(first);
        assertThat(raw)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; the envoy")
                .contains("<a href=\"https://kyiv-ledger.example/a#0\">")
                .contains("Now carried by 3 outlets");
        assertThat(first.getMessageID())
                .as("a retried alert is the same message to mail clients")
                .isEqualTo(received[1].getMessageID())
                .endsWith("@newshound>");
    }

    @Test
    void shouldMailADigestWithEveryClaimListed() throws Exception {
        AlertChannel mail =
                channels.email("editors", smtp(SMTP.getSmtp().getPort()), "desk@example.org");
        Alert first = alert("Envoys land in <Moscow>");
        Alert second = alert("A second round is set for Geneva");
        Alert digest =
                Alert.digest(
                        new Alert.Digest(
                                Instant.parse("2026-01-21T00:00:00Z"),
                                Instant.parse("2026-01-22T00:00:00Z"),
                                List.of(first.claim(), second.claim()),
                                2,
                                "daily"),
                        List.of("witkoff"),
                        "editors",
                        Instant.parse("2026-01-22T00:00:02Z"));

        mail.deliver(digest);

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject())
                .isEqualTo("[witkoff] Daily digest: 2 new claims, Jan 21 00:00–Jan 22 00:00");
        String html = (String) ((MimeMultipart) received.getContent()).getBodyPart(1).getContent();
        assertThat(html)
                .contains("<blockquote>Envoys land in &lt;Moscow&gt;</blockquote>")
                .contains("<blockquote>A second round is set for Geneva</blockquote>");
    }

    @Test
    void shouldSayTheServerCannotBeReachedAndThatRetryingMayHelp() {
        AlertChannel mail = channels.email("editors", smtp(1), "desk@example.org");

        DeliveryException failure =
                catchThrowableOfType(DeliveryException.class, () -> mail.deliver(alert("Talks")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("editors: cannot mail it: ");
    }
}
