package io.newshound.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches feeds and pages over HTTP the way a polite, careful reader does: conditional requests,
 * gzip and deflate, redirects followed one by one (so that each hop's address is checked and a
 * permanent move is noticed), per-host limits, a response-time and a total-time limit, and a cap on
 * the body before and after decompression.
 *
 * <p>Built on Apache HttpClient's classic (blocking) API: measured against the JDK's client on the
 * ingest benchmark, it costs less than half the CPU per request.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9,"
                    + " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    /** One timer thread for every fetcher: it only cancels requests that overrun. */
    private static final ScheduledExecutorService TIMERS =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "newshound-fetch-timer");
                        t.setDaemon(true);
                        return t;
                    });

    /**
     * How requests are made.
     *
     * @param userAgent the User-Agent header
     * @param connectTimeout the longest wait for a connection
     * @param responseTimeout the longest wait for an answer, and for each read of its body
     * @param totalTimeout the longest a whole request may take, redirects and body included
     * @param maxBodyBytes the largest body accepted, compressed or not
     * @param maxConnections connections kept open at most, over all hosts
     */
    public record Settings(
            String userAgent,
            Duration connectTimeout,
            Duration responseTimeout,
            Duration totalTimeout,
            long maxBodyBytes,
            int maxConnections) {}

    private final CloseableHttpClient client;
    private final Settings settings;
    private final AddressPolicy addresses;
    private final HostLimiter hosts;

    public HttpFetcher(Settings settings, AddressPolicy addresses, HostLimiter hosts) {
        this.settings = settings;
        this.addresses = addresses;
        this.hosts = hosts;
        this.client =
                HttpClients.custom()
                        .setConnectionManager(
                                PoolingHttpClientConnectionManagerBuilder.create()
                                        .setMaxConnTotal(settings.maxConnections())
                                        // Per-host politeness is the HostLimiter's job.
                                        .setMaxConnPerRoute(settings.maxConnections())
                                        .setDefaultConnectionConfig(
                                                ConnectionConfig.custom()
                                                        .setConnectTimeout(
                                                                timeout(settings.connectTimeout()))
                                                        .setSocketTimeout(
                                                                timeout(settings.responseTimeout()))
                                                        .build())
                                        .build())
                        .setDefaultRequestConfig(
                                RequestConfig.custom()
                                        .setResponseTimeout(timeout(settings.responseTimeout()))
                                        .build())
                        // We follow redirects ourselves (to check each hop), decompress ourselves
                        // (to cap the inflated size) and retry on our own schedule.
                        .disableRedirectHandling()
                        .disableContentCompression()
                        .disableAutomaticRetries()
                        .disableCookieManagement()
                        .setUserAgent(settings.userAgent())
                        .build();
    }

    private static Timeout timeout(Duration d) {
        return Timeout.ofMilliseconds(Math.max(1, d.toMillis()));
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
            String location = first(exchange.headers, "Location");
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
            byte[] body =
                    decode(exchange.body, first(exchange.headers, "Content-Encoding"), current);
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

    private record Exchange(int status, Map<String, List<String>> headers, byte[] body) {}

    private Exchange exchange(URI uri, String etag, String lastModified, long deadline)
            throws FetchException {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", ACCEPT);
        request.setHeader("Accept-Encoding", "gzip, deflate");
        if (etag != null) {
            request.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.setHeader("If-Modified-Since", lastModified);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        try {
            hosts.acquire(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.UNREACHABLE, uri, "interrupted", e);
        }
        AtomicBoolean overran = new AtomicBoolean();
        ScheduledFuture<?> watchdog =
                TIMERS.schedule(
                        () -> {
                            overran.set(true);
                            request.cancel();
                        },
                        Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
            }
            return new Exchange(response.getCode(), headers, readCapped(response.getEntity(), uri));
        } catch (IOException e) {
            throw failure(uri, e, overran.get());
        } finally {
            watchdog.cancel(false);
            hosts.release(host);
        }
    }

    private byte[] readCapped(HttpEntity entity, URI uri) throws IOException, FetchException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > settings.maxBodyBytes()) {
            throw tooLarge(uri);
        }
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + (long) n > settings.maxBodyBytes()) {
                    throw tooLarge(uri);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private FetchException tooLarge(URI uri) {
        return new FetchException(
                FetchException.Kind.TOO_LARGE,
                uri,
                "answer larger than " + settings.maxBodyBytes() + " bytes",
                null);
    }

    private FetchException failure(URI uri, IOException e, boolean overran) {
        if (overran) {
            return new FetchException(
                    FetchException.Kind.TIMEOUT,
                    uri,
                    "no complete answer within " + seconds(settings.totalTimeout()),
                    e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, uri, "no connection in time", e);
        }
        if (e instanceof SocketTimeoutException) {
            return new FetchException(
                    FetchException.Kind.TIMEOUT,
                    uri,
                    "no answer within " + seconds(settings.responseTimeout()),
                    e);
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(
                    FetchException.Kind.UNREACHABLE, uri, "unknown host " + uri.getHost(), e);
        }
        if (e instanceof ConnectException) {
            return new FetchException(FetchException.Kind.UNREACHABLE, uri, "cannot connect", e);
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FetchException(
                FetchException.Kind.UNREACHABLE, uri, "connection failed (" + what + ")", e);
    }

    /** Undoes gzip or deflate, refusing what inflates beyond the cap (a decompression bomb). */
    private byte[] decode(byte[] body, String contentEncoding, URI uri) throws FetchException {
        String encoding =
                contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
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

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing idle connections; nothing to save.
        }
    }
}
