package io.newshound.alerts.delivery;

import io.newshound.events.Alert;
import io.newshound.events.JsonSerde;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts each alert as JSON (the {@link Alert} event) to a URL, with:
 *
 * <ul>
 *   <li>{@value #SIGNATURE}: {@code sha256=} and the hex HMAC-SHA256 of the body under the shared
 *       secret, so the receiver knows the post is ours and unchanged;
 *   <li>{@value #IDEMPOTENCY_KEY}: the alert id, the same on every retry and after a restart, so a
 *       receiver that keeps the keys it has seen never shows an alert twice.
 * </ul>
 */
public final class WebhookChannel implements AlertChannel {
    public static final String SIGNATURE = "X-Newshound-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final JsonSerde<Alert> JSON = JsonSerde.of(Alert.class);

    private final String name;
    private final URI url;
    private final SecretKeySpec secret;
    private final HttpPoster poster;

    WebhookChannel(String name, URI url, String secret, HttpPoster poster) {
        this.name = name;
        this.url = url;
        this.secret =
                secret == null || secret.isEmpty()
                        ? null
                        : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.poster = poster;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        byte[] body = JSON.write(alert);
        Map<String, String> headers =
                secret == null
                        ? Map.of("Content-Type", "application/json", IDEMPOTENCY_KEY, alert.id())
                        : Map.of(
                                "Content-Type",
                                "application/json",
                                IDEMPOTENCY_KEY,
                                alert.id(),
                                SIGNATURE,
                                "sha256=" + sign(body));
        poster.post(name, url, body, headers);
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
