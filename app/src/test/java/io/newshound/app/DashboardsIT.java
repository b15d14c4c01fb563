package io.newshound.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newshound.alerts.AlertsConfig;
import io.newshound.alerts.Budget;
import io.newshound.alerts.DeliveryPolicy;
import io.newshound.alerts.Subscription;
import io.newshound.app.config.MetricsSettings;
import io.newshound.app.config.NewshoundConfig;
import io.newshound.app.demo.SampleNewsSite;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.Json;
import io.newshound.events.KafkaSettings;
import io.newshound.ingest.IngestConfig;
import io.newshound.testkit.KafkaBrokerExtension;
import io.newshound.testkit.TestHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards against a real Prometheus: the three services run as separate processes
 * would (each its own registry and port) over the sample site, with a receiver that fails first,
 * one that refuses, and a poison record; Prometheus scrapes them, and every query of every panel
 * must return data.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DashboardsIT {
    static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");

    @TempDir Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswerEveryPanelOfEveryDashboardFromARealPrometheus(KafkaSettings kafka)
            throws Exception {
        Path prometheus = prometheusBinary();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        try (SampleNewsSite site = SampleNewsSite.start("127.0.0.1", 0, false);
                TestHttpServer receivers = TestHttpServer.start()) {
            // The desk's receiver fails each alert's first try, so retries are seen; the other
            // refuses everything, so alerts are dead-lettered.
            receivers.handle(
                    "/desk",
                    exchange -> {
                        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                        exchange.getRequestBody().readAllBytes();
                        exchange.sendResponseHeaders(failedOnce.add(key) ? 503 : 200, -1);
                        exchange.close();
                    });
            receivers.on("/refusing", TestHttpServer.Response.status(400));
            NewshoundConfig base = config(kafka, site, receivers);
            List<Pipeline> services = new ArrayList<>();
            try {
                for (Pipeline.Service s : Pipeline.Service.values()) {
                    services.add(Pipeline.start(base, EnumSet.of(s), line -> {}));
                }
                Path config = prometheusConfig(services);
                int port = freePort();
                Process server =
                        new ProcessBuilder(
                                        prometheus.toString(),
                                        "--config.file=" + config,
                                        "--storage.tsdb.path=" + dir.resolve("tsdb"),
                                        "--web.listen-address=127.0.0.1:" + port)
                                .redirectErrorStream(true)
                                .redirectOutput(dir.resolve("prometheus.log").toFile())
                                .start();
                try {
                    String api = "http://127.0.0.1:" + port;
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> status(api + "/-/ready") == 200);
                    poison(kafka);
                    await().atMost(Duration.ofSeconds(120))
                            .until(
                                    () ->
                                            !receivers.requests("/desk").isEmpty()
                                                    && !receivers.requests("/refusing").isEmpty());
                    site.releaseAll();

                    // Every service healthy, as Prometheus sees them and as they say themselves.
                    await().atMost(Duration.ofSeconds(60))
                            .untilAsserted(
                                    () -> assertThat(values(api, "sum(up)")).containsExactly("3"));
                    for (Pipeline p : services) {
                        await().atMost(Duration.ofSeconds(60))
                                .until(() -> status(p.adminUrl() + "/health/ready") == 200);
                        assertThat(status(p.adminUrl() + "/health/live")).isEqualTo(200);
                    }

                    List<String> queries = dashboardQueries();
                    assertThat(queries).hasSizeGreaterThan(40);
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofSeconds(2))
                            .untilAsserted(() -> assertThat(withoutData(api, queries)).isEmpty());
                    assertThat(
                                    result(
                                            api,
                                            "count({__name__=~\"newshound_.+|jvm_.+|kafka_.+|process_.+\","
                                                    + " application=\"\"})"))
                            .as("every meter carries the application tag")
                            .isEmpty();
                    assertThat(values(api, "count(count by (application) (jvm_memory_used_bytes))"))
                            .containsExactly("3");
                } finally {
                    server.destroy();
                    server.waitFor();
                }
            } finally {
                for (Pipeline p : services) {
                    p.close();
                }
            }
        }
    }

    /**
     * Prometheus from PROMETHEUS_BIN or the PATH; CI installs it, elsewhere the test is skipped.
     */
    static Path prometheusBinary() {
        String configured = System.getenv("PROMETHEUS_BIN");
        Stream<Path> candidates =
                configured != null
                        ? Stream.of(Path.of(configured))
                        : Stream.of(System.getenv("PATH").split(":"))
                                .map(d -> Path.of(d, "prometheus"));
        Path found = candidates.filter(Files::isExecutable).findFirst().orElse(null);
        if (found == null) {
            String why =
                    "no prometheus binary on the PATH (apt-get install prometheus, or set"
                            + " PROMETHEUS_BIN)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why + "; .ci/run installs it");
            }
            Assumptions.abort(why);
        }
        return found;
    }

    NewshoundConfig config(KafkaSettings kafka, SampleNewsSite site, TestHttpServer receivers) {
        Subscription desk =
                new Subscription(
                        "desk",
                        "webhook",
                        receivers.uri("/desk"),
                        "desk-secret",
                        null,
                        List.of(),
                        null,
                        null,
                        false,
                        null,
                        Budget.parse("5 per 1h"),
                        null,
                        null);
        Subscription refusing =
                Subscription.webhook("refusing", receivers.uri("/refusing"), null, List.of());
        return new NewshoundConfig(null, null, null, null, null, null, null)
                .withKafka(kafka)
                .withDataDir(dir)
                .withMetrics(MetricsSettings.defaults().withPort(0))
                .withIngest(
                        IngestConfig.of(site.feeds())
                                .withPollInterval(Duration.ofMillis(500))
                                .withPrivateAddresses(true)
                                .withPerHost(8, Duration.ZERO))
                .withEnrich(EnrichConfig.defaults())
                .withAlerts(
                        AlertsConfig.defaults()
                                .withConsole(false)
                                .withChannels(List.of(desk, refusing), null)
                                .withDelivery(
                                        new DeliveryPolicy(
                                                3,
                                                Duration.ofMillis(20),
                                                Duration.ofMillis(100),
                                                Duration.ofSeconds(5),
                                                Duration.ofSeconds(1))));
    }

    Path prometheusConfig(List<Pipeline> services) throws IOException {
        StringBuilder yaml =
                new StringBuilder(
                        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                + "scrape_configs:\n  - job_name: newshound\n"
                                + "    static_configs:\n      - targets:\n");
        for (Pipeline p : services) {
            yaml.append("          - '")
                    .append(URI.create(p.adminUrl()).getAuthority())
                    .append("'\n");
        }
        return Files.writeString(dir.resolve("prometheus.yml"), yaml);
    }

    /** An unreadable record on the articles topic: enrich must dead-letter it and go on. */
    static void poison(KafkaSettings kafka) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        kafka.clientProperties(),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                    new ProducerRecord<>(
                            kafka.topics().articles().name(),
                            "poison".getBytes(StandardCharsets.UTF_8),
                            "{not an article".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Every PromQL expression of every panel, with the dashboards' variables set to "all". */
    static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode board = Json.mapper().readTree(file.toFile());
                for (JsonNode panel : board.get("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        queries.add(
                                target.get("expr")
                                        .asText()
                                        .replace("$__rate_interval", "5m")
                                        .replace("$application", ".*")
                                        .replace("$instance", ".*"));
                    }
                }
                for (JsonNode variable : board.at("/templating/list")) {
                    if (variable.get("type").asText().equals("query")) {
                        String q = variable.get("definition").asText();
                        queries.add(
                                q.replaceAll("^label_values\\((.*), *\\w+\\)$", "$1")
                                        .replace("$application", ".*"));
                    }
                }
            }
        }
        return queries;
    }

    private List<String> withoutData(String api, List<String> queries) throws Exception {
        List<String> empty = new ArrayList<>();
        for (String q : queries) {
            if (result(api, q).isEmpty()) {
                empty.add(q);
            }
        }
        return empty;
    }

    private List<JsonNode> result(String api, String query) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                api
                                                        + "/api/v1/query?query="
                                                        + URLEncoder.encode(
                                                                query, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.path("status").asText())
                .as("%s: %s", query, body.path("error").asText())
                .isEqualTo("success");
        List<JsonNode> series = new ArrayList<>();
        body.at("/data/result").forEach(series::add);
        return series;
    }

    private List<String> values(String api, String query) throws Exception {
        return result(api, query).stream().map(s -> s.at("/value/1").asText()).toList();
    }

    private int status(String url) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
