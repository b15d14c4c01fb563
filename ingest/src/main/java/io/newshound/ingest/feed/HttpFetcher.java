package io.newshound.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Fetches feeds and pages over HTTP the way a polite, careful reader does: conditional requests,
 * gzip and deflate, redirects followed one by one (so that each hop's address is checked and a
 * permanent move is noticed), per-host limits, a response-time and a total-time limit, and a cap on
 * the body before and after decompression.
 */
public final class HttpFetcher {
    private static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    /**
     * How requests are made.
     *
     * @param userAgent the User-Agent header
     * @param responseTimeout the longest wait for an answer's headers
     * @param totalTimeout the longest a whole request may take, redirects and body included
     * @param maxBodyBytes the largest body accepted, compressed or not
     */
    public record Settings(
            String userAgent, Duration responseTimeout, Duration totalTimeout, long maxBodyBytes) {}

    private final HttpClient client;
    private final Settings settings;
    private final AddressPolicy addresses;
    private final HostLimiter hosts;

    public HttpFetcher(
            HttpClient client, Settings settings, AddressPolicy addresses, HostLimiter hosts) {
        this.client = client;
        this.settings = settings;
        this.addresses = addresses;
        this.hosts = hosts;
    }

    /** A client that does not follow redirects (we do) and gives up connecting after a while. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** GETs {@code uri}. */
    public Fetched get(URI uri) throws FetchException {
        return get(uri, null, null);
    }

    /**
     * GETs {@code uri}, conditionally when validators from an earlier answer are given.
     *
     * @throws FetchException when there is no usable answer
     */
    public Fetched get(URI uri, String etag, String lastModified) throws FetchException {
        long start = System.nanoTime();
        long deadline = start + settings.totalTimeout().toNanos();
        URI current = uri;
        boolean permanent = true;
        for (int hop = 0; ; hop++) {
            addresses.check(current);
            Exchange exchange = exchange(current, etag, lastModified, deadline);
            int status = exchange.status;
            String location = exchange.headers.firstValue("Location").orElse(null);
            if (isRedirect(status) && location != null) {
                if (hop == MAX_REDIRECTS) {
                    throw new FetchException(
                            FetchException.Kind.REFUSED,
                            uri,
                            "more than " + MAX_REDIRECTS + " redirects",
                            null);
                }
                permanent &= status == 301 || status == 308;
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException(
                            FetchException.Kind.REFUSED,
                            uri,
                            "bad redirect to '" + location + "'",
                            e);
                }
                continue;
            }
            byte[] body = decode(exchange.body, exchange.headers, current);
            return new Fetched(
                    current,
                    status,
                    exchange.headers,
                    body,
                    hop > 0 && permanent ? current : null,
                    exchange.body.length,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private record Exchange(int status, HttpHeaders headers, byte[] body) {}

    private Exchange exchange(URI uri, String etag, String lastModified, long deadline)
            throws FetchException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(settings.responseTimeout())
                        .header("User-Agent", settings.userAgent())
                        .header("Accept", ACCEPT)
                        .header("Accept-Encoding", "gzip, deflate")
                        .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        try {
            hosts.acquire(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, uri, "interrupted", e);
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> new CappedBody(settings.maxBodyBytes()));
        try {
            long remaining = deadline - System.nanoTime();
            HttpResponse<byte[]> response =
                    future.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            return new Exchange(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(
                    FetchException.Kind.TIMEOUT,
                    uri,
                    "no complete answer within " + seconds(settings.totalTimeout()),
                    e);
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, uri, "interrupted", e);
        } finally {
            hosts.release(host);
        }
    }

    private FetchException failure(URI uri, Throwable cause) {
        if (cause instanceof TooLarge) {
            return new FetchException(
                    FetchException.Kind.TOO_LARGE,
                    uri,
                    "answer larger than " + settings.maxBodyBytes() + " bytes",
                    cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(
                    FetchException.Kind.TIMEOUT, uri, "no connection in time", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(
                    FetchException.Kind.TIMEOUT,
                    uri,
                    "no answer within " + seconds(settings.responseTimeout()),
                    cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchException(
                    FetchException.Kind.UNREACHABLE, uri, "cannot connect", cause);
        }
        String what =
                cause == null
                        ? "unknown error"
                        : cause.getMessage() == null
                                ? cause.getClass().getSimpleName()
                                : cause.getMessage();
        return new FetchException(
                FetchException.Kind.UNREACHABLE, uri, "connection failed (" + what + ")", cause);
    }

    /** Undoes gzip or deflate, refusing what inflates beyond the cap (a decompression bomb). */
    private byte[] decode(byte[] body, HttpHeaders headers, URI uri) throws FetchException {
        String encoding =
                headers.firstValue("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity") || body.length == 0) {
            return body;
        }
        try (InputStream in = inflater(encoding, body)) {
            if (in == null) {
                throw new FetchException(
                        FetchException.Kind.BAD_ENCODING,
                        uri,
                        "unsupported Content-Encoding " + encoding,
                        null);
            }
            byte[] out =
                    in.readNBytes(
                            (int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (out.length > settings.maxBodyBytes()) {
                throw new FetchException(
                        FetchException.Kind.TOO_LARGE,
                        uri,
                        "answer decompresses to more than " + settings.maxBodyBytes() + " bytes",
                        null);
            }
            return out;
        } catch (ZipException e) {
            throw new FetchException(
                    FetchException.Kind.BAD_ENCODING, uri, "body is not valid " + encoding, e);
        } catch (IOException e) {
            throw new FetchException(
                    FetchException.Kind.BAD_ENCODING,
                    uri,
                    "cannot decompress the body (" + e.getMessage() + ")",
                    e);
        }
    }

    private static InputStream inflater(String encoding, byte[] body) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            // Servers disagree on whether deflate means zlib-wrapped or raw; look at the header.
            case "deflate" ->
                    new InflaterInputStream(
                            new ByteArrayInputStream(body), new Inflater(!looksLikeZlib(body)));
            default -> null;
        };
    }

    private static boolean looksLikeZlib(byte[] body) {
        return body.length >= 2
                && (body[0] & 0x0f) == 8
                && (((body[0] & 0xff) << 8) | (body[1] & 0xff)) % 31 == 0;
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    /** Thrown inside the client when a body passes the cap. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large");
        }
    }

    /** Collects a body and cancels the download as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (out.size() + (long) item.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
