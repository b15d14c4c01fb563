package io.newshound.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.Json;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The whole pipeline at a sustained rate (issue 8): a broker in its own process, a {@link LoadSite}
 * publishing articles at RATE per second over FEEDS feeds, and the packaged services (ingest,
 * enrich and alerts as three processes, or {@code newshound run} as one) polling it and alerting a
 * local webhook receiver. After a warm-up (two minutes at a quarter of the rate, one at the rate,
 * then until enrich and alerts keep up) it measures for MINUTES: the articles enriched per second,
 * fetch-to-alert latency (from the site's first serving of an article page to the receiver's
 * reading of an alert on it), and the heap and CPU of every process. Then, on the same broker and
 * the same records (the articles topic of the run), a pass-through copy (consumer-to-producer, as a
 * Kafka Streams app, exactly once), the enrich topology alone, and enrich's per-article work with
 * none of its state (what no design of that state could beat), each as fast as it can go.
 *
 * <pre>bench/e2e.sh [RATE] [MINUTES] [FEEDS] [services|all-in-one]</pre>
 */
public final class EndToEndBench {
    /** How often ingest polls each feed: an article waits up to this long to be fetched. */
    private static final int POLL_SECONDS = 5;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long TICKS_PER_SECOND = 100; // Linux's USER_HZ

    private EndToEndBench() {}

    /** A running service process and what was seen of it. */
    private static final class Service {
        final String name;
        final Process process;
        final int port;
        double maxHeapMb;
        long cpuTicksAtStart;
        long cpuTicksAtEnd;

        Service(String name, Process process, int port) {
            this.name = name;
            this.process = process;
            this.port = port;
        }

        private String scraped;
        private long scrapedAt;

        /**
         * The service's metrics, scraped at most once a second: each scrape costs the service CPU
         * (thousands of Kafka meters), and the harness asks for several values at a time.
         */
        String metrics() throws IOException, InterruptedException {
            if (scraped == null || System.nanoTime() - scrapedAt > 1_000_000_000L) {
                scraped = get("http://127.0.0.1:" + port + "/metrics");
                scrapedAt = System.nanoTime();
            }
            return scraped;
        }
    }

    public static void main(String[] args) throws Exception {
        double rate = args.length > 0 ? Double.parseDouble(args[0]) : 200;
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int feeds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        boolean allInOne = args.length > 3 && args[3].equals("all-in-one");
        Path jar = Path.of(System.getProperty("newshound.jar", "app/target/newshound.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the app first");
        }
        Path dir = Files.createTempDirectory("newshound-bench-e2e-");
        List<Service> services = new ArrayList<>();
        try (Environment env = Environment.start(0, "1g");
                LoadSite site = new LoadSite(feeds);
                AlertReceiver receiver = new AlertReceiver(site)) {
            KafkaSettings kafka =
                    KafkaSettings.at(env.bootstrap).withTopicPrefix("bench-e2e.").withPartitions(4);
            if (allInOne) {
                services.add(start(jar, "run", "1g", dir, kafka, site, feeds, receiver));
            } else {
                for (String name : List.of("alerts", "enrich", "ingest")) {
                    services.add(start(jar, name, "512m", dir, kafka, site, feeds, receiver));
                }
            }
            for (Service s : services) {
                awaitReady(s);
            }
            StageTap tap = new StageTap(kafka);
            // Warmed up at a quarter of the rate first: five JVMs compiling their hot code at once
            // on two cores, under the full rate, leave enrich a backlog it takes minutes to clear.
            site.publishAt(rate / 4);
            System.err.printf(Locale.ROOT, "warm-up: %.0f articles/s for 120 s...%n", rate / 4);
            Thread.sleep(120_000);
            site.publishAt(rate);
            System.err.printf(Locale.ROOT, "warm-up: %.0f articles/s for 60 s...%n", rate);
            Thread.sleep(60_000);
            // Measured from steady state: a cold JVM falls behind in its first minute (the JIT
            // compilers alone take a quarter of enrich's CPU then) and catches up after.
            // Alerts catch up after enrich: the alert received last must be a fresh one. Steady
            // means that for 30 s on end enrich is at most a second of articles behind what the
            // feeds have shown (past the up to 5 s each waits for its next poll) and the last
            // alert is less than a second old: a backlog left from the warm-up, cleared in the
            // first measured minute, would otherwise be counted as that minute's latency.
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
            long said = System.nanoTime();
            long steadySince = -1;
            boolean settled = false;
            while (!settled && System.nanoTime() < settle) {
                boolean steady =
                        site.published() - decided(services) <= rate * (POLL_SECONDS + 1)
                                && receiver.lastLatencyMs() <= 1_000;
                if (!steady) {
                    steadySince = -1;
                } else if (steadySince < 0) {
                    steadySince = System.nanoTime();
                } else {
                    settled = System.nanoTime() - steadySince > TimeUnit.SECONDS.toNanos(30);
                }
                Thread.sleep(1_000);
                if (System.nanoTime() - said > TimeUnit.SECONDS.toNanos(30)) {
                    said = System.nanoTime();
                    System.err.printf(
                            Locale.ROOT,
                            "  warming up: enrich %,.0f articles behind, last alert %d ms%n",
                            site.published() - decided(services),
                            receiver.lastLatencyMs());
                }
            }
            double behindAtStart = site.published() - decided(services);
            String warmUp =
                    !settled
                            ? String.format(
                                    Locale.ROOT,
                                    "a warm-up that ran out with enrich %,.0f articles behind",
                                    behindAtStart)
                            : "a warm-up (2 min at a quarter of the rate, then the rate until"
                                    + " for 30 s enrich was at most a second behind the feeds' polls"
                                    + " and alerts under a second old)";
            System.err.printf(
                    Locale.ROOT,
                    "measuring (enrich %,.0f articles behind, last alert %d ms)...%n",
                    site.published() - decided(services),
                    receiver.lastLatencyMs());

            int generatedAtStart = site.published();
            double enrichedAtStart = decided(services);
            double alertsAtStart = delivered(services);
            long brokerAtStart = Cpu.ticks(env.pid());
            for (Service s : services) {
                s.cpuTicksAtStart = Cpu.ticks(s.process.pid());
            }
            receiver.measureFrom(System.nanoTime());
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            while (System.nanoTime() < end) {
                Thread.sleep(5_000);
                for (Service s : services) {
                    s.maxHeapMb = Math.max(s.maxHeapMb, heapMb(s.metrics()));
                }
                System.err.printf(
                        Locale.ROOT,
                        "  %4.0f s: %,d articles out, %,.0f published, %,.0f enriched, %,.0f alerts%n",
                        (System.nanoTime() - start) / 1e9,
                        site.published(),
                        sum(services, "newshound_ingest_articles_published_total"),
                        decided(services),
                        delivered(services));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int generated = site.published() - generatedAtStart;
            double enriched = decided(services) - enrichedAtStart;
            double alerts = delivered(services) - alertsAtStart;
            long brokerTicks = Cpu.ticks(env.pid()) - brokerAtStart;
            for (Service s : services) {
                s.cpuTicksAtEnd = Cpu.ticks(s.process.pid());
            }
            long[] latencies = receiver.latencies();
            System.err.println("p99 latency (ms) by minute of fetch:" + receiver.p99PerMinute());
            String stages = receiver.stages(tap);
            tap.close();
            double behind = site.published() - decided(services);

            site.publishAt(0);
            System.err.println("draining...");
            drain(services);
            for (Service s : services) {
                s.process.destroy();
                s.process.waitFor(60, TimeUnit.SECONDS);
            }

            int records = count(kafka, kafka.topics().articles().name());
            double pass = Double.NaN;
            double enrich = Double.NaN;
            double bound = Double.NaN;
            if (System.getenv("NEWSHOUND_BENCH_NO_BASELINE") == null) {
                KafkaSettings base = kafka.withTopicPrefix("bench-e2e-base.");
                TopicAdmin.ensureTopics(base, List.of(base.topics().articles()));
                // The records of the run, copied to fresh topics for the two topologies.
                TopologyBench.copy(
                        kafka, kafka.topics().articles(), base.topics().articles(), records, 2, -1);
                pass =
                        TopologyBench.passThrough(
                                        base, base.topics().articles(), records, 2, env.pid())
                                .rate();
                enrich =
                        TopologyBench.enrich(
                                        base,
                                        records,
                                        2,
                                        EnrichConfig.defaults().claims(),
                                        env.pid())
                                .rate();
                KafkaSettings alone = kafka.withTopicPrefix("bench-e2e-bound.");
                TopicAdmin.ensureTopics(alone, List.of(alone.topics().articles()));
                TopologyBench.copy(
                        kafka,
                        kafka.topics().articles(),
                        alone.topics().articles(),
                        records,
                        2,
                        -1);
                bound = TopologyBench.bound(alone, records, 2, env.pid()).rate();
            }

            Runtime rt = Runtime.getRuntime();
            PrintTable table = new PrintTable();
            System.out.printf(
                    Locale.ROOT,
                    "%nEnd to end: %.0f articles/s offered over %d feeds for %.1f min (after %s),"
                            + " 5 KB pages, a fifth near-duplicates, a twentieth followed by the topic"
                            + " rules; %s; broker in its own process; %d cores, Java %s%n",
                    rate,
                    feeds,
                    seconds / 60,
                    warmUp,
                    allInOne
                            ? "newshound run (all-in-one, -Xmx1g)"
                            : "ingest, enrich, alerts as three processes (-Xmx512m each)",
                    rt.availableProcessors(),
                    System.getProperty("java.version"));
            table.row("articles offered /s", "%.1f", generated / seconds);
            table.row("articles enriched /s (sustained)", "%.1f", enriched / seconds);
            table.row("articles behind at the end", "%.0f", behind);
            table.row("alerts delivered /s", "%.1f", alerts / seconds);
            table.row("alerts received on generated articles", "%,d", receiver.alerts());
            table.row(
                    "fetch-to-alert latency p50 / p99 / max (ms)",
                    "%s",
                    latencies.length == 0
                            ? "no alerts"
                            : String.format(
                                    Locale.ROOT,
                                    "%d / %d / %d (%,d alerts)",
                                    percentile(latencies, 0.50),
                                    percentile(latencies, 0.99),
                                    latencies[latencies.length - 1],
                                    latencies.length));
            table.row("p50-p99 (ms): fetch-publish / -first claim / -alert", "%s", stages);
            for (Service s : services) {
                table.row(
                        s.name + ": max heap used (MB) / CPU (cores)",
                        "%s",
                        String.format(
                                Locale.ROOT,
                                "%.0f / %.2f",
                                s.maxHeapMb,
                                (s.cpuTicksAtEnd - s.cpuTicksAtStart)
                                        / (double) TICKS_PER_SECOND
                                        / seconds));
            }
            table.row(
                    "broker: CPU (cores)",
                    "%.2f",
                    brokerTicks / (double) TICKS_PER_SECOND / seconds);
            if (Double.isNaN(pass)) {
                table.row("pass-through and enrich alone", "%s", "not run (NO_BASELINE)");
            } else {
                table.row(
                        "pass-through, same "
                                + String.format(Locale.ROOT, "%,d", records)
                                + " records /s",
                        "%.0f",
                        pass);
                table.row("enrich alone, same records /s", "%.0f", enrich);
                table.row("ratio enrich / pass-through", "%.2f", enrich / pass);
                table.row("enrich's per-article work alone, no state /s", "%.0f", bound);
                table.row("ratio per-article work alone / pass-through", "%.2f", bound / pass);
            }
            table.print();
        } finally {
            for (Service s : services) {
                s.process.destroyForcibly();
            }
            TopologyBench.delete(dir);
        }
    }

    /** Starts {@code java -jar newshound.jar SERVICE -c CONFIG} with its own metrics port. */
    private static Service start(
            Path jar,
            String service,
            String heap,
            Path dir,
            KafkaSettings kafka,
            LoadSite site,
            int feeds,
            AlertReceiver receiver)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder yaml = new StringBuilder();
        yaml.append("kafka:\n  bootstrap-servers: ")
                .append(kafka.bootstrapServers())
                .append("\n  topic-prefix: ")
                .append(kafka.topicPrefix())
                .append("\n  partitions: ")
                .append(kafka.partitions())
                .append("\ndata-dir: ")
                .append(dir.resolve(service))
                .append("\nmetrics: {port: ")
                .append(port)
                .append("}\ningest:\n  poll-interval: ")
                .append(POLL_SECONDS)
                .append("s\n  min-interval: ")
                .append(POLL_SECONDS)
                .append("s\n")
                .append("  allow-private-addresses: true\n  per-host-connections: 16\n")
                .append("  per-host-delay: 0s\n  workers: 16\n  feeds:\n");
        for (int f = 0; f < feeds; f++) {
            yaml.append("    - {url: '").append(site.feed(f)).append("', name: Outlet ").append(f);
            yaml.append("}\n");
        }
        yaml.append("enrich:\n  threads: 2\n")
                .append("alerts:\n  console: false\n  channels:\n    - id: desk\n")
                .append("      channel: webhook\n      url: ")
                .append(receiver.url())
                .append("\n");
        Path config = Files.writeString(dir.resolve(service + ".yml"), yaml);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        String options = System.getenv("NEWSHOUND_BENCH_SERVICE_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        String profile = System.getenv("NEWSHOUND_BENCH_PROFILE");
        if (profile != null && profile.startsWith(service + ":")) {
            command.add("-agentpath:" + profile.substring(service.length() + 1));
        }
        command.addAll(List.of("-jar", jar.toString(), service, "-c", config.toString()));
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(service + ".log").toFile())
                        .start();
        return new Service(service, process, port);
    }

    private static void awaitReady(Service s) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!s.process.isAlive()) {
                throw new IllegalStateException(s.name + " exited; see its log");
            }
            try {
                HttpResponse<Void> r =
                        HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + s.port
                                                                + "/health/ready"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(s.name + " not ready after 120 s");
    }

    /** Waits until enrich has taken every published article, or a minute has passed. */
    private static void drain(List<Service> services) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline
                && decided(services) < sum(services, "newshound_ingest_articles_published_total")) {
            Thread.sleep(1_000);
        }
    }

    /** Records in {@code topic}, read as the services read it (committed only). */
    private static int count(KafkaSettings kafka, String topic) {
        Properties props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            int count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    /**
     * Articles whose story enrich has decided (a new story or a duplicate): what has come out of
     * enrich, not only what it has read, which runs ahead when the story decision falls behind.
     */
    private static double decided(List<Service> services) throws Exception {
        return sum(services, "newshound_enrich_stories_total")
                + sum(services, "newshound_enrich_duplicates_total");
    }

    private static double delivered(List<Service> services) throws Exception {
        double total = 0;
        for (Service s : services) {
            total += sumOf(s.metrics(), "newshound_alerts_total", "outcome=\"delivered\"");
        }
        return total;
    }

    private static double sum(List<Service> services, String metric) throws Exception {
        double total = 0;
        for (Service s : services) {
            total += sumOf(s.metrics(), metric, null);
        }
        return total;
    }

    private static double heapMb(String metrics) {
        return sumOf(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
    }

    /** The sum of the samples of {@code metric} (those with {@code label}, when given). */
    static double sumOf(String metrics, String metric, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    && (label == null || line.contains(label))) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                if (!value.equals("NaN")) {
                    total += Double.parseDouble(value);
                }
            }
        }
        return total;
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** A two-column table on standard output. */
    private static final class PrintTable {
        private final List<String[]> rows = new ArrayList<>();

        void row(String name, String format, Object value) {
            rows.add(new String[] {name, String.format(Locale.ROOT, format, value)});
        }

        void print() {
            for (String[] r : rows) {
                System.out.printf(Locale.ROOT, "| %-48s | %28s |%n", r[0], r[1]);
            }
        }
    }

    /**
     * The webhook receiver: reads each alert's article and takes the time since the site first
     * served that article's page.
     */
    static final class AlertReceiver implements AutoCloseable {
        private final HttpServer server;

        /** The server's handler threads: not daemons, so they are shut down on close. */
        private final ExecutorService handlers = Executors.newFixedThreadPool(4);

        /**
         * Per alert on a known article: when the article was fetched, the latency (ms), the
         * article's number and when the alert came.
         */
        private final ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();

        private volatile long from = Long.MAX_VALUE;

        private volatile long lastLatencyMs = Long.MAX_VALUE;

        AlertReceiver(LoadSite site) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.setExecutor(handlers);
            server.createContext(
                    "/",
                    exchange -> {
                        byte[] body = exchange.getRequestBody().readAllBytes();
                        long now = System.nanoTime();
                        JsonNode alert = Json.mapper().readTree(body);
                        String url = alert.at("/claim/articleUrl").asText();
                        int slash = url.lastIndexOf('/');
                        if (slash >= 0 && url.endsWith(".html")) {
                            Long fetched =
                                    site.firstFetch(
                                            Integer.parseInt(
                                                    url.substring(slash + 1, url.length() - 5)));
                            if (fetched != null) {
                                latencies.add(
                                        new long[] {
                                            fetched,
                                            (now - fetched) / 1_000_000,
                                            Integer.parseInt(
                                                    url.substring(slash + 1, url.length() - 5)),
                                            now
                                        });
                                lastLatencyMs = (now - fetched) / 1_000_000;
                            }
                        }
                        byte[] ok = {'o', 'k'};
                        exchange.sendResponseHeaders(200, ok.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(ok);
                        }
                    });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/desk";
        }

        void measureFrom(long nanos) {
            from = nanos;
        }

        /** The latencies of alerts on articles fetched since {@link #measureFrom}, sorted. */
        long[] latencies() {
            return latencies.stream()
                    .filter(l -> l[0] >= from)
                    .mapToLong(l -> l[1])
                    .sorted()
                    .toArray();
        }

        int alerts() {
            return latencies.size();
        }

        /**
         * The stages of the first alert on each article fetched since {@link #measureFrom}, as seen
         * by {@code tap}: p50 and p99 of fetched-to-published, published-to-first-claim and
         * first-claim-to-alert, in milliseconds.
         */
        String stages(StageTap tap) {
            java.util.Map<Long, long[]> first = new java.util.HashMap<>();
            for (long[] l : latencies) {
                if (l[0] >= from) {
                    first.merge(l[2], l, (a, b) -> a[3] <= b[3] ? a : b);
                }
            }
            List<Long> ingest = new ArrayList<>();
            List<Long> enrich = new ArrayList<>();
            List<Long> alerts = new ArrayList<>();
            for (long[] l : first.values()) {
                Long published = tap.published((int) l[2]);
                Long claimed = tap.claimed((int) l[2]);
                if (published != null && claimed != null) {
                    ingest.add((published - l[0]) / 1_000_000);
                    enrich.add((claimed - published) / 1_000_000);
                    alerts.add((l[3] - claimed) / 1_000_000);
                }
            }
            return String.format(
                    Locale.ROOT, "%s / %s / %s", p50p99(ingest), p50p99(enrich), p50p99(alerts));
        }

        private static String p50p99(List<Long> values) {
            if (values.isEmpty()) {
                return "-";
            }
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            return percentile(sorted, 0.50) + "-" + percentile(sorted, 0.99);
        }

        /** The latency of the alert received last: whether alerts are keeping up. */
        long lastLatencyMs() {
            return lastLatencyMs;
        }

        /** Per minute of fetch time since {@link #measureFrom}: the alerts' p99 latency. */
        String p99PerMinute() {
            java.util.TreeMap<Long, List<Long>> minutes = new java.util.TreeMap<>();
            for (long[] l : latencies) {
                if (l[0] >= from) {
                    minutes.computeIfAbsent((l[0] - from) / 60_000_000_000L, m -> new ArrayList<>())
                            .add(l[1]);
                }
            }
            StringBuilder out = new StringBuilder();
            minutes.forEach(
                    (minute, values) -> {
                        long[] sorted =
                                values.stream().mapToLong(Long::longValue).sorted().toArray();
                        out.append(
                                String.format(
                                        Locale.ROOT, " %d:%d", minute, percentile(sorted, 0.99)));
                    });
            return out.toString();
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
