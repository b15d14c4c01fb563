package io.newshound.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdminServerIT {
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(AdminServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeMetricsInPrometheusFormatWithTheCommonTags() throws Exception {
        PrometheusMeterRegistry registry = Meters.prometheus("newshound-test", "box-1");
        Counter.builder("newshound.feed.polls")
                .tag("feed", "Kyiv Ledger")
                .tag("outcome", "ok")
                .register(registry)
                .increment(3);

        try (AdminServer server = AdminServer.start(registry, "127.0.0.1", 0)) {
            HttpResponse<String> response = get(server, "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(response.body())
                    .contains(
                            "newshound_feed_polls_total{application=\"newshound-test\",feed=\"Kyiv Ledger\",instance=\"box-1\",outcome=\"ok\"} 3.0")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void shouldAnswer503WithTheFailingPartWhenAHealthCheckIsDown() throws Exception {
        AtomicBoolean brokerReachable = new AtomicBoolean(true);
        try (AdminServer server =
                AdminServer.start(Meters.prometheus("newshound-test", "box-1"), "127.0.0.1", 0)
                        .register("ingest", () -> Health.up("polling 3 feeds, 0 failing"))
                        .register(
                                "enrich",
                                () ->
                                        brokerReachable.get()
                                                ? Health.up("streams RUNNING")
                                                : Health.down("streams ERROR"))) {
            HttpResponse<String> healthy = get(server, "/health");
            brokerReachable.set(false);
            HttpResponse<String> unhealthy = get(server, "/health");

            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"status\" : \"UP\"");
            assertThat(unhealthy.statusCode()).isEqualTo(503);
            assertThat(unhealthy.body())
                    .contains("\"detail\" : \"streams ERROR\"")
                    .contains("\"status\" : \"DOWN\"");
        }
    }

    @Test
    void shouldTellAPartThatIsAliveButNotReadyFromOneThatHasDied() throws Exception {
        AtomicBoolean died = new AtomicBoolean(false);
        try (AdminServer server =
                AdminServer.start(Meters.prometheus("newshound-test", "box-1"), "127.0.0.1", 0)
                        .register(
                                "enrich",
                                () -> Health.down("enrich streams REBALANCING"),
                                () ->
                                        died.get()
                                                ? Health.down("enrich streams ERROR")
                                                : Health.up("enrich streams REBALANCING"))) {
            HttpResponse<String> ready = get(server, "/health/ready");
            HttpResponse<String> live = get(server, "/health/live");
            died.set(true);
            HttpResponse<String> dead = get(server, "/health/live");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(get(server, "/health").statusCode())
                    .as("/health is readiness")
                    .isEqualTo(503);
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("\"detail\" : \"enrich streams ERROR\"");
            assertThat(get(server, "/health/other").statusCode()).isEqualTo(404);
        }
    }
}
