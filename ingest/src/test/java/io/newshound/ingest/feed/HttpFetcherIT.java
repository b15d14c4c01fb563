package io.newshound.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newshound.testkit.TestHttpServer;
import io.newshound.testkit.TestHttpServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer against a real local server that misbehaves in the usual ways. */
class HttpFetcherIT {
    static final long CAP = 64 * 1024;
    static final String BODY =
            "<rss version=\"2.0\"><channel><title>Baltic Wire</title></channel></rss>";

    TestHttpServer site;
    HttpFetcher fetcher;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        site = TestHttpServer.start();
        fetcher = fetcher(true);
    }

    static HttpFetcher fetcher(boolean allowPrivate) {
        return new HttpFetcher(
                new HttpFetcher.Settings(
                        "Newshound-test",
                        Duration.ofSeconds(2),
                        Duration.ofMillis(700),
                        Duration.ofMillis(1500),
                        CAP,
                        8),
                new AddressPolicy(allowPrivate),
                HostLimiter.unlimited());
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        fetcher.close();
        site.close();
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static Response encoded(byte[] body, String encoding) {
        return new Response(200, "application/rss+xml", body, Map.of("Content-Encoding", encoding));
    }

    @Test
    void shouldAskForCompressionAndUndoGzip() throws Exception {
        String longer =
                BODY.replace(
                        "</channel>",
                        "<item><title>Talks</title></item>".repeat(50) + "</channel>");
        site.on("/feed", encoded(gzip(longer.getBytes(StandardCharsets.UTF_8)), "gzip"));

        Fetched answer = fetcher.get(site.uri("/feed"));

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(longer);
        assertThat(answer.wireBytes()).isLessThan(longer.length() / 4);
        assertThat(site.requests("/feed").get(0).header("Accept-Encoding")).contains("gzip");
        assertThat(site.requests("/feed").get(0).header("User-Agent")).isEqualTo("Newshound-test");
    }

    @Test
    void shouldUndoDeflate() throws Exception {
        site.on("/feed", encoded(deflate(BODY.getBytes(StandardCharsets.UTF_8)), "deflate"));

        assertThat(new String(fetcher.get(site.uri("/feed")).body(), StandardCharsets.UTF_8))
                .isEqualTo(BODY);
    }

    @Test
    void shouldRefuseAGzipBomb() throws Exception {
        byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        site.on("/bomb", encoded(bomb, "gzip"));

        assertThatThrownBy(() -> fetcher.get(site.uri("/bomb")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                .hasMessage(
                        "answer decompresses to more than "
                                + CAP
                                + " bytes for "
                                + site.uri("/bomb"));
        assertThat(bomb.length).isLessThan((int) CAP);
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutReadingItAll() {
        site.on("/huge", Response.ok("application/rss+xml", "x".repeat((int) CAP * 4)));

        assertThatThrownBy(() -> fetcher.get(site.uri("/huge")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
    }

    @Test
    void shouldSayWhenACompressedBodyIsNot() {
        site.on("/liar", encoded(BODY.getBytes(StandardCharsets.UTF_8), "gzip"));

        assertThatThrownBy(() -> fetcher.get(site.uri("/liar")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.BAD_ENCODING));
    }

    @Test
    void shouldGiveUpOnAServerThatDoesNotAnswer() {
        site.handle(
                "/stall",
                exchange -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                });

        assertThatThrownBy(() -> fetcher.get(site.uri("/stall")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
    }

    @Test
    void shouldGiveUpOnABodyThatTricklesPastTheTotalTime() {
        // A byte every 200 ms: each read is in time, the whole answer is not.
        site.handle(
                "/slow",
                exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    try {
                        for (int i = 0; i < 50 && !release.await(200, TimeUnit.MILLISECONDS); i++) {
                            out.write('x');
                            out.flush();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        // the client gave up: that is the point
                    }
                    exchange.close();
                });

        assertThatThrownBy(() -> fetcher.get(site.uri("/slow")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT))
                .hasMessageContaining("no complete answer within 1.5 s");
    }

    @Test
    void shouldGiveUpOnABodyThatStops() {
        site.handle(
                "/stalled",
                exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("<rss>".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                });

        assertThatThrownBy(() -> fetcher.get(site.uri("/stalled")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT))
                .hasMessageContaining("no answer within 0.7 s");
    }

    @Test
    void shouldNoticeATruncatedAnswer() {
        site.handle(
                "/cut",
                exchange -> {
                    exchange.sendResponseHeaders(200, 10_000);
                    exchange.getResponseBody()
                            .write("<rss version=\"2.0\"><chan".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    exchange.close();
                });

        assertThatThrownBy(() -> fetcher.get(site.uri("/cut")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.UNREACHABLE));
    }

    @Test
    void shouldStopFollowingAnEndlessRedirect() {
        site.on("/loop", Response.status(302).withHeader("Location", "/loop"));

        assertThatThrownBy(() -> fetcher.get(site.uri("/loop")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED))
                .hasMessageStartingWith("more than 5 redirects");
    }

    @Test
    void shouldReportAPermanentMoveOnlyWhenEveryHopIsPermanent() throws Exception {
        site.on("/a", Response.status(301).withHeader("Location", "/b"))
                .on("/b", Response.status(308).withHeader("Location", "/c"))
                .on("/c", Response.ok("application/rss+xml", BODY))
                .on("/x", Response.status(301).withHeader("Location", "/y"))
                .on("/y", Response.status(307).withHeader("Location", "/c"));

        assertThat(fetcher.get(site.uri("/a")).movedTo()).isEqualTo(site.uri("/c"));
        assertThat(fetcher.get(site.uri("/x")).movedTo()).isNull();
    }

    @Test
    void shouldRefuseToFollowARedirectToAPrivateAddress() {
        HttpFetcher strict = fetcher(false);

        assertThatThrownBy(() -> strict.get(site.uri("/anything")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED));
        assertThat(site.requests()).isEmpty();
    }
}
