package io.newshound.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.newshound.app.Newshound;
import io.newshound.events.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class NewshoundCliTest {
    @TempDir Path dir;

    record Result(int status, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                Newshound.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void shouldRejectAWrongFlagInOneLineWithStatus2() {
        Result r = run("demo", "--frobnicate");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "newshound: Unknown option: '--frobnicate' (try 'newshound demo --help')"
                                + System.lineSeparator());
    }

    @Test
    void shouldWriteOneJsonObjectPerLogLineWhenAskedAndPlainLinesOtherwise() throws Exception {
        LoggingEvent event =
                new LoggingEvent(
                        "io.newshound.ingest.FeedPoller",
                        (ch.qos.logback.classic.Logger)
                                LoggerFactory.getLogger("io.newshound.ingest.FeedPoller"),
                        Level.WARN,
                        "feed {} answered 503",
                        null,
                        new Object[] {"Kyiv Ledger"});

        Result json = run("--log-format", "json", "feed", "--help");
        String asJson = new String(Logging.encoder().encode(event), StandardCharsets.UTF_8);
        Logging.format("plain");
        String asText = new String(Logging.encoder().encode(event), StandardCharsets.UTF_8);

        assertThat(json.status()).isZero();
        JsonNode line = Json.mapper().readTree(asJson);
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("formattedMessage").asText())
                .isEqualTo("feed Kyiv Ledger answered 503");
        assertThat(asJson.strip()).doesNotContain("\n");
        assertThat(asText)
                .doesNotStartWith("{")
                .contains("WARN ")
                .contains("FeedPoller - feed Kyiv Ledger answered 503");
    }

    @Test
    void shouldRejectAnUnknownLogFormat() {
        Result r = run("--log-format", "xml", "feed", "--help");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("log format must be plain or json, not 'xml'");
    }

    @Test
    void shouldRejectAMissingConfigFileInOneLineWithStatus2() {
        Path missing = dir.resolve("newshound.yml");

        Result r = run("run", "--config", missing.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("newshound: " + missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void shouldRejectAnInvalidConfigFileInOneLineWithStatus2() throws Exception {
        Path file = Files.writeString(dir.resolve("newshound.yml"), "kafka:\n  partitions: 0\n");

        Result r = run("ingest", "--config", file.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip())
                .isEqualTo("newshound: " + file + ": kafka: kafka.partitions must be at least 1");
    }

    @Test
    void shouldListTheCommandsWhenRunWithoutOne() {
        Result r = run();

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("demo", "run", "ingest", "enrich", "alerts");
    }
}
