package io.newshound.ingest.feed;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP answer, read in full and decompressed.
 *
 * @param uri the address that answered, after redirects
 * @param status the HTTP status
 * @param headers the final answer's headers
 * @param body the body, decompressed
 * @param movedTo where every redirect on the way said, permanently (301, 308), the resource now is;
 *     null when there was no redirect or a temporary one
 * @param wireBytes the body's size as it came over the network
 * @param took how long the request took, redirects included
 */
public record Fetched(
        URI uri,
        int status,
        HttpHeaders headers,
        byte[] body,
        URI movedTo,
        long wireBytes,
        Duration took) {

    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public boolean isOk() {
        return status >= 200 && status < 300;
    }

    public boolean isNotModified() {
        return status == 304;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }
}
