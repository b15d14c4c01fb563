package io.newshound.ingest.feed;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * An HTTP answer, read in full.
 *
 * @param uri the address that answered, after redirects
 * @param status the HTTP status
 * @param headers the answer's headers
 * @param body the answer's body
 */
public record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {
    public String contentType() {
        return headers.firstValue("Content-Type").orElse(null);
    }

    public boolean isOk() {
        return status >= 200 && status < 300;
    }
}
