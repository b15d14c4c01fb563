package io.newshound.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.KafkaSettings;
import io.newshound.ingest.FeedSource;
import io.newshound.ingest.IngestApp;
import io.newshound.ingest.IngestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Ingest against a local server of many feeds: conditional polls answered 304, and polls that find
 * 20 new entries each (pages fetched, extracted and published), each beside a bare HttpClient loop
 * over the same URLs in the same run.
 *
 * <pre>java -Xmx512m -cp ... io.newshound.bench.IngestBench [FEEDS] [SECONDS]</pre>
 */
public final class IngestBench {
    private static final Pattern LINK = Pattern.compile("<link>([^<]+)</link>");
    private static final int WORKERS = Integer.getInteger("workers", 64);

    private IngestBench() {}

    record Measure(double rate, double articlesPerSecond, long peakHeapMb, double meanPollMs) {}

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        try (Environment env = Environment.start(feeds, "2g")) {
            control(env, "static");
            // A short base interval, so that demand exceeds what ingest can do: we measure
            // capacity.
            Measure notModified =
                    ingest(env, feeds, seconds, "bench-304.", "http_304", Duration.ofMillis(100));
            double bareNotModified = bareConditional(env, feeds, seconds);
            control(env, "changing");
            Measure changed =
                    ingest(
                            env,
                            feeds,
                            seconds,
                            "bench-changed.",
                            "http_200",
                            Duration.ofSeconds(1));
            double bareChanged = bareFeedsAndPages(env, feeds, seconds);

            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "%nIngest benchmark: %d feeds on a local HTTP server, %d s per measurement, %d cores, Java %s, max heap %d MB%n",
                    feeds,
                    seconds,
                    rt.availableProcessors(),
                    System.getProperty("java.version"),
                    rt.maxMemory() / (1024 * 1024));
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %12s %14s %7s %10s%n",
                    "scenario",
                    "newshound",
                    "bare client",
                    "ratio",
                    "peak heap");
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %12.0f %14.0f %7.2f %7d MB%n",
                    "feeds answering 304 (polls/s)",
                    notModified.rate,
                    bareNotModified,
                    notModified.rate / bareNotModified,
                    notModified.peakHeapMb);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %12.0f %14.0f %7.2f %7d MB%n",
                    "feeds with 20 new entries (feeds/s)",
                    changed.rate,
                    bareChanged,
                    changed.rate / bareChanged,
                    changed.peakHeapMb);
            System.out.printf(
                    Locale.ROOT,
                    "%-44s %12.0f%n",
                    "  articles extracted and published (/s)",
                    changed.articlesPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "mean time of one poll: %.1f ms answering 304, %.1f ms with 20 pages%n",
                    notModified.meanPollMs,
                    changed.meanPollMs);
        }
    }

    static void control(Environment env, String mode) throws Exception {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(env.site + "/control?" + mode)).build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    static Measure ingest(
            Environment env,
            int feeds,
            int seconds,
            String prefix,
            String outcome,
            Duration interval)
            throws Exception {
        List<FeedSource> sources = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            sources.add(new FeedSource(env.feed(i), "Outlet " + i, null));
        }
        IngestConfig config =
                IngestConfig.of(sources)
                        .withPollInterval(interval)
                        .withPrivateAddresses(true)
                        .withPerHost(1024, Duration.ZERO)
                        .withWorkers(WORKERS)
                        .withInstanceId("bench");
        KafkaSettings kafka = KafkaSettings.at(env.bootstrap).withTopicPrefix(prefix);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        System.err.printf("ingest, %s: warming up (every feed polled once)...%n", outcome);
        try (HeapWatch heap = new HeapWatch();
                IngestApp ingest = new IngestApp(config, kafka, registry)) {
            ingest.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (count(registry, "newshound.feed.polls", null) < feeds
                    && System.nanoTime() < deadline) {
                pause(500);
            }
            double polls0 = count(registry, "newshound.feed.polls", outcome);
            double articles0 = count(registry, "newshound.ingest.articles.published", null);
            long start = System.nanoTime();
            pause(seconds * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double polls = count(registry, "newshound.feed.polls", outcome) - polls0;
            double articles =
                    count(registry, "newshound.ingest.articles.published", null) - articles0;
            double meanPoll =
                    registry.get("newshound.ingest.poll.duration")
                            .timer()
                            .mean(java.util.concurrent.TimeUnit.MILLISECONDS);
            return new Measure(polls / elapsed, articles / elapsed, heap.peakMegabytes(), meanPoll);
        }
    }

    /** The same client library ingest uses, pooled like ingest's, with nothing around it. */
    static CloseableHttpClient bareClient() {
        return HttpClients.custom()
                .setConnectionManager(
                        PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnTotal(2 * WORKERS)
                                .setMaxConnPerRoute(2 * WORKERS)
                                .build())
                .disableRedirectHandling()
                .disableContentCompression()
                .build();
    }

    /** The same conditional GETs with nothing else: the HTTP client's and server's speed. */
    static double bareConditional(Environment env, int feeds, int seconds) throws Exception {
        System.err.println("bare client, conditional GETs...");
        try (CloseableHttpClient client = bareClient()) {
            return loop(
                    seconds,
                    i -> {
                        int feed = i % feeds;
                        HttpGet get = new HttpGet(env.feed(feed));
                        get.setHeader("If-None-Match", "\"static-" + feed + "\"");
                        try (var response = client.executeOpen(null, get, null)) {
                            EntityUtils.consume(response.getEntity());
                            return response.getCode() == 304 ? 1 : 0;
                        }
                    });
        }
    }

    /** Each feed and its 20 pages fetched, nothing parsed, extracted or published. */
    static double bareFeedsAndPages(Environment env, int feeds, int seconds) throws Exception {
        System.err.println("bare client, feeds and their pages...");
        try (CloseableHttpClient client = bareClient()) {
            return loop(
                    seconds,
                    i -> {
                        String feed;
                        try (var response =
                                client.executeOpen(null, new HttpGet(env.feed(i % feeds)), null)) {
                            feed = EntityUtils.toString(response.getEntity());
                        }
                        Matcher m = LINK.matcher(feed);
                        while (m.find()) {
                            try (var response =
                                    client.executeOpen(null, new HttpGet(m.group(1)), null)) {
                                EntityUtils.toByteArray(response.getEntity());
                            }
                        }
                        return 1;
                    });
        }
    }

    interface Work {
        int run(int i) throws Exception;
    }

    /**
     * Runs {@code work} on as many threads as ingest has workers, for {@code seconds}; per second.
     */
    static double loop(int seconds, Work work) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(WORKERS);
        long start = System.nanoTime();
        for (int t = 0; t < WORKERS; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                try {
                                    while (running.get()) {
                                        done.addAndGet(work.run(next.getAndIncrement()));
                                    }
                                } catch (Exception e) {
                                    System.err.println("bare loop: " + e);
                                } finally {
                                    finished.countDown();
                                }
                            });
            thread.setDaemon(true);
            thread.start();
        }
        pause(seconds * 1000L);
        running.set(false);
        long count = done.get();
        double elapsed = (System.nanoTime() - start) / 1e9;
        finished.await();
        return count / elapsed;
    }

    static double count(SimpleMeterRegistry registry, String name, String outcome) {
        var search = registry.find(name);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void pause(long millis) throws InterruptedException {
        new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
    }
}
