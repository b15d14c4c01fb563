package io.newshound.bench;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.alerts.AlertsApp;
import io.newshound.alerts.AlertsConfig;
import io.newshound.alerts.DeliveryPolicy;
import io.newshound.alerts.Subscription;
import io.newshound.events.Claim;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.Provenance;
import io.newshound.events.SourceType;
import io.newshound.events.Span;
import io.newshound.events.TopicAdmin;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The alerts service against a local webhook receiver (issue 6), on an embedded broker in a child
 * process: new claims go to the claims topic, the service routes them (one alert per claim and
 * webhook channel) and delivers them, signed, over HTTP.
 *
 * <ul>
 *   <li>throughput: a backlog of claims, alerts delivered per second from the first delivery to the
 *       last (target: at least 1,000/s);
 *   <li>latency: claims published at a steady 100 alerts/s, from the claim's send to the receiver's
 *       reading the alert (target: p99 at most 200 ms).
 * </ul>
 *
 * <pre>bench/alerts.sh [CLAIMS] [CHANNELS] [LATENCY-SECONDS]</pre>
 */
public final class AlertsBench {
    private static final Instant T0 = Instant.now();

    private AlertsBench() {}

    public static void main(String[] args) throws Exception {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Receiver receiver = new Receiver();
        try (Environment env = Environment.start(0, "1g")) {
            KafkaSettings kafka =
                    KafkaSettings.at(env.bootstrap)
                            .withTopicPrefix("bench-alerts.")
                            .withPartitions(4);
            TopicAdmin.ensureTopics(kafka, List.of(kafka.topics().claims()));
            List<Subscription> hooks = new ArrayList<>();
            for (int i = 1; i <= channels; i++) {
                hooks.add(
                        Subscription.webhook(
                                "hook-" + i,
                                receiver.url("/hook-" + i),
                                "bench-secret-" + i,
                                List.of()));
            }
            Path state = Files.createTempDirectory("newshound-bench-alerts-");
            AlertsConfig config =
                    AlertsConfig.defaults()
                            .withConsole(false)
                            .withStateDir(state)
                            .withChannels(hooks, null)
                            .withDelivery(DeliveryPolicy.defaults());
            try (AlertsApp alerts =
                            new AlertsApp(config, kafka, new SimpleMeterRegistry(), l -> {});
                    KafkaProducer<String, Claim> producer = producer(kafka)) {
                alerts.start();
                EventTopic<String, Claim> topic = kafka.topics().claims();

                System.err.println("warm-up...");
                backlog(producer, topic, receiver, "w", Math.max(500, claims / 5), channels);

                System.err.printf(Locale.ROOT, "throughput: %,d claims...%n", claims);
                double rate = backlog(producer, topic, receiver, "t", claims, channels);

                System.err.printf(Locale.ROOT, "latency: 100 alerts/s for %d s...%n", seconds);
                long[] latencies = steady(producer, topic, receiver, channels, seconds);

                Runtime rt = Runtime.getRuntime();
                System.out.printf(
                        Locale.ROOT,
                        "%nAlerts to a local webhook receiver: %d webhook channels (one alert per"
                                + " claim and channel, signed), exactly-once routing, 4 partitions;"
                                + " %d cores, Java %s%n",
                        channels,
                        rt.availableProcessors(),
                        System.getProperty("java.version"));
                System.out.printf(
                        Locale.ROOT,
                        "throughput: %,d alerts delivered at %,.0f alerts/s (target >= 1,000)%n",
                        claims * channels,
                        rate);
                System.out.printf(
                        Locale.ROOT,
                        "latency at 100 alerts/s, claim sent to alert received, %,d alerts:"
                                + " p50 %d ms, p99 %d ms, max %d ms (target p99 <= 200 ms)%n",
                        latencies.length,
                        percentile(latencies, 0.50),
                        percentile(latencies, 0.99),
                        latencies[latencies.length - 1]);
            } finally {
                TopologyBench.delete(state);
            }
        } finally {
            receiver.close();
        }
    }

    /** Publishes {@code count} claims at once; alerts received per second, first to last. */
    private static double backlog(
            KafkaProducer<String, Claim> producer,
            EventTopic<String, Claim> topic,
            Receiver receiver,
            String prefix,
            int count,
            int channels)
            throws Exception {
        long before = receiver.received.get();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic.name(), prefix + i, claim(prefix + i)));
        }
        producer.flush();
        long expected = before + (long) count * channels;
        awaitReceived(receiver, expected);
        Long first = receiver.firstAfter(before);
        return (expected - before - 1) / ((receiver.last.get() - first) / 1e9);
    }

    /**
     * Claims at a steady pace, 100 alerts/s in all; the latency of each alert, in milliseconds,
     * sorted.
     */
    private static long[] steady(
            KafkaProducer<String, Claim> producer,
            EventTopic<String, Claim> topic,
            Receiver receiver,
            int channels,
            int seconds)
            throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        long before = receiver.received.get();
        int count = Math.max(1, 100 / channels) * seconds;
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) * channels / 100;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String id = "l" + i;
            sent.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(topic.name(), id, claim(id)));
        }
        producer.flush();
        awaitReceived(receiver, before + (long) count * channels);
        List<Long> latencies = new ArrayList<>();
        receiver.arrivals.forEach(
                (key, at) -> {
                    // Idempotency-Key: new:ID#0@CHANNEL
                    String claim = key.substring(4, key.indexOf('#'));
                    Long from = sent.get(claim);
                    if (from != null) {
                        latencies.add(TimeUnit.NANOSECONDS.toMillis(at - from));
                    }
                });
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static void awaitReceived(Receiver receiver, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (receiver.received.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "stuck at " + receiver.received.get() + " of " + expected + " alerts");
            }
            Thread.sleep(20);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static KafkaProducer<String, Claim> producer(KafkaSettings kafka) {
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        EventTopic<String, Claim> topic = kafka.topics().claims();
        return new KafkaProducer<>(
                props, topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private static Claim claim(String id) {
        Instant at = T0;
        return new Claim(
                Claim.SCHEMA_VERSION,
                id + "#0",
                "fp-" + id,
                id,
                "https://outlet.example/news/" + id,
                "Envoys to meet in Vienna on the draft plan",
                "Outlet Example",
                at,
                List.of("peace-plan"),
                "people familiar with the matter",
                SourceType.ANONYMOUS,
                "Outlet Example",
                "according to",
                "The draft plan " + id + " would be discussed by the delegations on Friday",
                false,
                false,
                new Span(0, 31),
                new Span(32, 44),
                new Span(45, 110),
                true,
                null,
                new Provenance(id + "#0", "Outlet Example", at, List.of("Outlet Example")));
    }

    /** A webhook receiver that notes when each alert arrives (by its idempotency key). */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;

        /** The server's handler threads: not daemons, so they are shut down on close. */
        private final ExecutorService handlers = Executors.newFixedThreadPool(4);

        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicLong received = new AtomicLong();
        final AtomicLong last = new AtomicLong();
        private final List<Long> order = java.util.Collections.synchronizedList(new ArrayList<>());

        Receiver() throws java.io.IOException {
            // The JDK's server writes a response's headers and body in two packets and, without
            // this, waits for the client's delayed ACK in between: 40 ms an answer, as no real
            // receiver does.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.setExecutor(handlers);
            server.createContext(
                    "/",
                    exchange -> {
                        exchange.getRequestBody().readAllBytes();
                        long now = System.nanoTime();
                        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                        if (key != null && arrivals.putIfAbsent(key, now) == null) {
                            order.add(now);
                            last.accumulateAndGet(now, Math::max);
                            received.incrementAndGet();
                        }
                        byte[] ok = {'o', 'k'};
                        exchange.sendResponseHeaders(200, ok.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(ok);
                        }
                    });
            server.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        /** When the alert after the first {@code count} arrived. */
        Long firstAfter(long count) {
            synchronized (order) {
                return order.stream().sorted().skip(count).findFirst().orElseThrow();
            }
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
