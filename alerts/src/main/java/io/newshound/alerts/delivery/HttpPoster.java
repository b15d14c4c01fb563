package io.newshound.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Posts a body to an HTTP receiver and turns its answer into an outcome: 2xx taken; 408, 425, 429
 * and 5xx worth trying again (after the receiver's {@code Retry-After}, if it gave one); any other
 * status refused for good; no answer within the timeout, or no connection, worth trying again.
 */
final class HttpPoster {
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    HttpPoster(HttpClient client, Duration timeout, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Posts {@code body} to {@code url} with {@code headers}; returns the answer's body. */
    String post(String channel, URI url, byte[] body, Map<String, String> headers)
            throws DeliveryException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable(
                    channel + ": no answer from " + hostOf(url) + " within " + timeout, null);
        } catch (IOException e) {
            throw DeliveryException.retryable(
                    channel
                            + ": cannot reach "
                            + hostOf(url)
                            + ": "
                            + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.retryable(channel + ": interrupted", null);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String what = channel + ": " + hostOf(url) + " answered " + status + excerpt(response);
        if (status == 408 || status == 425 || status == 429 || status / 100 == 5) {
            throw DeliveryException.retryable(
                    what, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        throw DeliveryException.refused(what);
    }

    /**
     * The wait a {@code Retry-After} value asks for: seconds, or an HTTP date; null when absent or
     * unreadable.
     */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration wait =
                        Duration.between(
                                clock.instant(),
                                ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                                        .toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** The host only: a webhook URL often carries its secret in the path. */
    private static String hostOf(URI url) {
        return url.getScheme() + "://" + url.getAuthority();
    }

    private static String excerpt(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        body = body.replaceAll("\\s+", " ");
        return " (" + (body.length() > 120 ? body.substring(0, 120) + "…" : body) + ")";
    }
}
