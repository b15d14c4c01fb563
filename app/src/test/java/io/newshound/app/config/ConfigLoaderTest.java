package io.newshound.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newshound.alerts.Budget;
import io.newshound.events.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void shouldReadTheExampleConfigurationShippedWithTheProject() {
        NewshoundConfig config = ConfigLoader.load(Path.of("..", "newshound.example.yml"));

        assertThat(config.ingest().feeds()).hasSizeGreaterThan(5);
        assertThat(config.ingest().pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.needsEmbeddedBroker()).isTrue();
        assertThat(config.enrich().claimWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldReadTheComposeConfigurationWithTheSampleSiteAsItsFeeds() throws Exception {
        // The compose file mounts it as /etc/newshound/newshound.yml; the topics file is beside it.
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.copy(Path.of("..", "topics.yml"), etc.resolve("topics.yml"));
        String text =
                Files.readString(Path.of("..", "deploy", "compose", "newshound.yml"))
                        .replace("/etc/newshound/topics.yml", etc.resolve("topics.yml").toString());

        NewshoundConfig config = ConfigLoader.parse(text, "deploy/compose/newshound.yml");

        assertThat(config.needsEmbeddedBroker()).isFalse();
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.metrics().host()).isEqualTo("0.0.0.0");
        assertThat(config.ingest().feeds())
                .extracting(f -> f.url().getHost())
                .hasSize(5)
                .containsOnly("site");
    }

    @Test
    void shouldReadDurationsAsPeopleWriteThem() {
        NewshoundConfig config =
                ConfigLoader.parse(
                        "ingest:\n  poll-interval: 90s\nenrich:\n  dedup-window: 2h\n", "x.yml");

        assertThat(config.ingest().pollInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.enrich().dedupWindow()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldNameAnUnknownKeyWhereItIsAndWhatIsKnown() {
        assertThatThrownBy(() -> ConfigLoader.parse("ingest:\n  feedz: []\n", "newshound.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "newshound.yml: unknown key 'feedz' under ingest (line 2) (known: ")
                .hasMessageContaining("feeds");
    }

    @Test
    void shouldSayWhichValueIsWrong() {
        assertThatThrownBy(
                        () ->
                                ConfigLoader.parse(
                                        "ingest:\n  poll-interval: soon\n", "newshound.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.poll-interval")
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void shouldPassOnTheRuleAValueBreaks() {
        assertThatThrownBy(
                        () ->
                                ConfigLoader.parse(
                                        "ingest:\n  feeds:\n    - url: ftp://x.example/feed\n",
                                        "n.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "n.yml: ingest.feeds[0]: feed url must be http or https: ftp://x.example/feed");
    }

    @Test
    void shouldReadAlertChannelsAndTheMailServer() {
        NewshoundConfig config =
                ConfigLoader.parse(
                        String.join(
                                "\n",
                                "alerts:",
                                "  console: false",
                                "  channels:",
                                "    - id: partner-hook",
                                "      channel: webhook",
                                "      url: https://partner.example/hook",
                                "      secret: s3cret",
                                "      source-types: [anonymous]",
                                "    - id: editors",
                                "      channel: email",
                                "      to: editors@example.org",
                                "      denials-only: true",
                                "  smtp: {host: smtp.example.org, from: nh@example.org}",
                                "  delivery: {attempts: 3, first-backoff: 500ms}",
                                ""),
                        "newshound.yml");

        assertThat(config.alerts().subscriptions())
                .extracting(s -> s.id(), s -> s.channel(), s -> s.denialsOnly())
                .containsExactly(
                        tuple("partner-hook", "webhook", false), tuple("editors", "email", true));
        assertThat(config.alerts().subscriptions().get(0).sourceTypes())
                .containsExactly(SourceType.ANONYMOUS);
        assertThat(config.alerts().smtp().port()).isEqualTo(587);
        assertThat(config.alerts().delivery().attempts()).isEqualTo(3);
        assertThat(config.alerts().delivery().firstBackoff()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void shouldReadDigestsAndRateBudgets() {
        NewshoundConfig config =
                ConfigLoader.parse(
                        String.join(
                                "\n",
                                "alerts:",
                                "  channels:",
                                "    - id: desk",
                                "      channel: webhook",
                                "      url: https://desk.example/hook",
                                "      budget: 10 per 10m",
                                "    - id: morning",
                                "      channel: webhook",
                                "      url: https://desk.example/daily",
                                "      delivery: daily",
                                "  topic-budgets:",
                                "    peace-plan: 5/1h",
                                ""),
                        "newshound.yml");

        assertThat(config.alerts().channels())
                .extracting(s -> s.id(), s -> s.delivery(), s -> s.budget())
                .containsExactly(
                        tuple("desk", "instant", new Budget(10, Duration.ofMinutes(10))),
                        tuple("morning", "daily", null));
        assertThat(config.alerts().topicBudgets())
                .containsEntry("peace-plan", new Budget(5, Duration.ofHours(1)));
    }

    @Test
    void shouldSayHowToWriteABudget() {
        assertThatThrownBy(
                        () ->
                                ConfigLoader.parse(
                                        "alerts:\n  topic-budgets:\n    witkoff: lots\n",
                                        "newshound.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("budget 'lots': write it as N per DURATION");
    }

    @Test
    void shouldSayWhichAlertChannelIsIncomplete() {
        assertThatThrownBy(
                        () ->
                                ConfigLoader.parse(
                                        "alerts:\n  channels:\n    - id: ops\n"
                                                + "      channel: slack\n",
                                        "newshound.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ops: a slack channel needs an http(s) url");
    }

    @Test
    void shouldSayWhenTheFileIsMissing() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("nope.yml") + ": no such file");
    }

    @Test
    void shouldSayWhenTheFileIsNotYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yml"), "ingest: [unclosed\n");

        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageNotContaining("\n");
    }
}
