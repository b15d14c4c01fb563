package io.newshound.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** Fetches feeds and pages over HTTP with timeouts, a size cap and the project's User-Agent. */
public final class HttpFetcher {
    private final HttpClient client;
    private final String userAgent;
    private final Duration requestTimeout;
    private final long maxBodyBytes;

    public HttpFetcher(
            HttpClient client, String userAgent, Duration requestTimeout, long maxBodyBytes) {
        this.client = client;
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A client that follows redirects and gives up connecting after {@code connectTimeout}. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .build();
    }

    /**
     * GETs {@code uri} and reads the whole body.
     *
     * @throws FetchException when there is no answer in time, no connection, or the body is too
     *     large
     */
    public Fetched get(URI uri) throws FetchException {
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("User-Agent", userAgent)
                        .header(
                                "Accept",
                                "application/rss+xml, application/atom+xml, application/xml;q=0.9,"
                                        + " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
                        .GET()
                        .build();
        try {
            HttpResponse<InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = readCapped(in, uri);
            }
            return new Fetched(response.uri(), response.statusCode(), response.headers(), body);
        } catch (HttpTimeoutException e) {
            throw new FetchException(
                    FetchException.Kind.TIMEOUT, uri, "no answer within " + seconds(), e);
        } catch (ConnectException e) {
            throw new FetchException(FetchException.Kind.UNREACHABLE, uri, "cannot connect", e);
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Kind.UNREACHABLE, uri, "connection failed (" + e + ")", e);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.REFUSED, uri, "bad address", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, uri, "interrupted", e);
        }
    }

    private byte[] readCapped(InputStream in, URI uri) throws IOException, FetchException {
        byte[] buffer = new byte[8192];
        byte[] out = new byte[8192];
        int size = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (size + (long) n > maxBodyBytes) {
                throw new FetchException(
                        FetchException.Kind.TOO_LARGE,
                        uri,
                        "answer larger than " + maxBodyBytes + " bytes",
                        null);
            }
            if (size + n > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + n));
            }
            System.arraycopy(buffer, 0, out, size, n);
            size += n;
        }
        return Arrays.copyOf(out, size);
    }

    private String seconds() {
        return requestTimeout.toMillis() / 1000.0 + " s";
    }
}
