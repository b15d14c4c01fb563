package io.newshound.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer, read in full and decompressed.
 *
 * @param uri the address that answered, after redirects
 * @param status the HTTP status
 * @param headers the final answer's headers, names compared without case
 * @param body the body, decompressed
 * @param movedTo where every redirect on the way said, permanently (301, 308), the resource now is;
 *     null when there was no redirect or a temporary one
 * @param wireBytes the body's size as it came over the network
 * @param took how long the request took, redirects included
 */
public record Fetched(
        URI uri,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        URI movedTo,
        long wireBytes,
        Duration took) {

    public Fetched {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    public boolean isOk() {
        return status >= 200 && status < 300;
    }

    public boolean isNotModified() {
        return status == 304;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
