package io.newshound.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    static final Instant T0 = Instant.parse("2026-01-21T18:45:00Z");

    static Article article(String id, String text) {
        return Article.of(
                id,
                "https://kyiv-ledger.example/news/" + id,
                "https://kyiv-ledger.example/rss.xml",
                "Kyiv Ledger",
                null,
                "Envoys expected in Moscow",
                null,
                T0,
                T0.plusSeconds(60),
                "en",
                text);
    }

    @Test
    void shouldReadBackTheArticleItWrote() {
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        Article article = article("a1", "The envoys are expected next week, officials said.");

        Article read = serde.read(serde.write(article));

        assertThat(read).isEqualTo(article);
        assertThat(read.guid()).isEqualTo(article.url());
    }

    @Test
    void shouldWriteTimesAsIsoTextAndSpansAsPairs() {
        Claim claim =
                new Claim(
                        Claim.SCHEMA_VERSION,
                        "a1#0",
                        "f00d",
                        "a1",
                        "https://kyiv-ledger.example/news/a1",
                        "Envoys expected in Moscow",
                        "Kyiv Ledger",
                        T0,
                        List.of("witkoff"),
                        "officials",
                        SourceType.OFFICIAL,
                        null,
                        "said",
                        "The envoys are expected next week",
                        false,
                        false,
                        new Span(36, 45),
                        new Span(46, 50),
                        new Span(0, 34),
                        true,
                        null,
                        new Provenance("a1#0", "Kyiv Ledger", T0, List.of("Kyiv Ledger")));

        String json = new String(JsonSerde.of(Claim.class).write(claim), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"published\":\"2026-01-21T18:45:00Z\"")
                .contains("\"sourceType\":\"official\"")
                .contains("\"contentSpan\":[0,34]");
        assertThat(JsonSerde.of(Claim.class).read(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(claim);
    }

    @Test
    void shouldRejectBytesThatAreNotJsonWithAOneLineReason() {
        byte[] garbage = "<rss>not json</rss>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonSerde.of(Article.class).deserialize("articles", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not a valid Article: Unexpected character ('<'")
                .hasMessageContaining("at line 1, column 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRejectASchemaVersionFromTheFuture() {
        String json =
                new String(
                                JsonSerde.of(Article.class).write(article("a1", "text")),
                                StandardCharsets.UTF_8)
                        .replace("\"schemaVersion\":1", "\"schemaVersion\":9");

        assertThatThrownBy(
                        () ->
                                JsonSerde.of(Article.class)
                                        .read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessage(
                        "not a valid Article: Article schemaVersion 9 is not supported (this build"
                                + " reads 1 to 1)");
    }

    @Test
    void shouldRejectAnArticleWithoutAnId() {
        String json = "{\"schemaVersion\":1,\"url\":\"https://x.example/a\"}";

        assertThatThrownBy(
                        () ->
                                JsonSerde.of(Article.class)
                                        .read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessage("not a valid Article: id must not be blank");
    }
}
