package io.newshound.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newshound.alerts.AlertsConfig;
import io.newshound.broker.BrokerSettings;
import io.newshound.enrich.EnrichConfig;
import io.newshound.events.KafkaSettings;
import io.newshound.ingest.IngestConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration of a Newshound deployment, as read from {@code newshound.yml}.
 *
 * @param kafka the cluster and topic layout; without bootstrap servers an embedded broker starts
 * @param broker the embedded broker, used only when {@code kafka.bootstrap-servers} is not set
 * @param dataDir where local state lives (Streams stores, the embedded broker's logs)
 * @param metrics where {@code /metrics} and {@code /health} are served
 * @param ingest feeds and fetching
 * @param enrich topic rules, duplicate and claim windows
 * @param alerts what is alerted and where
 */
public record NewshoundConfig(
        @JsonProperty("kafka") KafkaSettings kafka,
        @JsonProperty("broker") BrokerSettings broker,
        @JsonProperty("data-dir") Path dataDir,
        @JsonProperty("metrics") MetricsSettings metrics,
        @JsonProperty("ingest") IngestConfig ingest,
        @JsonProperty("enrich") EnrichConfig enrich,
        @JsonProperty("alerts") AlertsConfig alerts) {

    public NewshoundConfig {
        kafka = kafka == null ? KafkaSettings.at(null) : kafka;
        broker = broker == null ? BrokerSettings.defaults() : broker;
        dataDir = dataDir == null ? Path.of("newshound-data") : dataDir;
        metrics = metrics == null ? MetricsSettings.defaults() : metrics;
        ingest = ingest == null ? IngestConfig.of(List.of()) : ingest;
        enrich = enrich == null ? EnrichConfig.defaults() : enrich;
        alerts = alerts == null ? AlertsConfig.defaults() : alerts;
    }

    /** Whether an embedded broker must be started: no cluster is configured. */
    public boolean needsEmbeddedBroker() {
        return kafka.bootstrapServers() == null || kafka.bootstrapServers().isBlank();
    }

    public NewshoundConfig withKafka(KafkaSettings k) {
        return new NewshoundConfig(k, broker, dataDir, metrics, ingest, enrich, alerts);
    }

    public NewshoundConfig withDataDir(Path dir) {
        return new NewshoundConfig(kafka, broker, dir, metrics, ingest, enrich, alerts);
    }

    public NewshoundConfig withMetrics(MetricsSettings m) {
        return new NewshoundConfig(kafka, broker, dataDir, m, ingest, enrich, alerts);
    }

    public NewshoundConfig withIngest(IngestConfig i) {
        return new NewshoundConfig(kafka, broker, dataDir, metrics, i, enrich, alerts);
    }

    public NewshoundConfig withEnrich(EnrichConfig e) {
        return new NewshoundConfig(kafka, broker, dataDir, metrics, ingest, e, alerts);
    }

    public NewshoundConfig withAlerts(AlertsConfig a) {
        return new NewshoundConfig(kafka, broker, dataDir, metrics, ingest, enrich, a);
    }

    public NewshoundConfig withBroker(BrokerSettings b) {
        return new NewshoundConfig(kafka, b, dataDir, metrics, ingest, enrich, alerts);
    }
}
