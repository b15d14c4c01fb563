package io.newshound.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRulesTest {
    @TempDir Path dir;

    @Test
    void shouldReadEachRuleOnItsOwn() {
        TopicRules.Loaded loaded =
                TopicRules.parse(
                        """
                        topics:
                          - name: witkoff
                            query: Witkoff OR Віткофф
                          - query: Donbas
                          - name: talks
                            query: talks
                            stemmig: true
                          - name: plan
                            keywords: [peace plan, 20-point plan]
                            stemming: true
                        """,
                        "topics.yml");

        assertThat(loaded.rules())
                .extracting(TopicRule::name, TopicRule::queryText, TopicRule::stemming)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("witkoff", "Witkoff OR Віткофф", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "plan", "\"peace plan\" OR \"20-point plan\"", true));
        assertThat(loaded.errors())
                .containsExactly(
                        "topics.yml: topic #2 (no name): a topic needs a name",
                        "topics.yml: topic talks: unknown key 'stemmig' (known: name, query,"
                                + " keywords, stemming)");
    }

    @Test
    void shouldRefuseAFileThatIsNotYaml() {
        assertThatThrownBy(() -> TopicRules.parse("topics: [\n  - name: x", "topics.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("topics.yml: not valid YAML: ");
        assertThatThrownBy(() -> TopicRules.load(dir.resolve("missing.yml")))
                .hasMessageEndingWith("missing.yml: no such file");
    }

    @Test
    void shouldReloadChangedRulesAndKeepThemWhenTheFileBreaks() throws Exception {
        Path file = dir.resolve("topics.yml");
        Files.writeString(file, "topics:\n  - name: witkoff\n    query: Witkoff\n");
        try (LiveTopics live = LiveTopics.watching(file, null)) {
            assertThat(live.current().tag("", "Witkoff landed.")).hasSize(1);
            assertThat(live.reloadIfChanged()).isFalse();

            write(file, "topics:\n  - name: donbas\n    query: Donbas\n", 1);
            assertThat(live.reloadIfChanged()).isTrue();
            assertThat(live.current().topics()).containsExactly("donbas");
            assertThat(live.current().tag("", "Witkoff landed.")).isEmpty();

            write(file, "topics: [ {name: x", 2);
            assertThat(live.reloadIfChanged()).isFalse();
            assertThat(live.current().topics()).containsExactly("donbas");
        }
    }

    private static void write(Path file, String text, int step) throws Exception {
        Files.writeString(file, text);
        // File systems with coarse timestamps would otherwise hide a quick second write.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(step)));
    }
}
