package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.Article;
import io.newshound.ingest.extract.ArticleExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceTest {
    static final Instant T0 = Instant.parse("2026-01-21T12:00:00Z");

    @TempDir Path dir;

    final DirectorySource source =
            new DirectorySource(new ArticleExtractor(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void shouldTakeATextFilesFirstLineAsItsTitle() throws Exception {
        Files.writeString(
                dir.resolve("001.txt"),
                "Envoys due in Moscow\nThe trip is planned for next week.\nOfficials confirmed it.");

        Article article = source.read(dir.resolve("001.txt"), "Archive");

        assertThat(article.title()).isEqualTo("Envoys due in Moscow");
        assertThat(article.text())
                .isEqualTo("The trip is planned for next week.\nOfficials confirmed it.");
        assertThat(article.outlet()).isEqualTo("Archive");
        assertThat(article.url()).startsWith("file:/").endsWith("/001.txt");
    }

    @Test
    void shouldExtractAnHtmlFileAndGiveEachFileAStableId() throws Exception {
        Files.writeString(
                dir.resolve("b.html"),
                "<html><head><title>Talks</title></head><body><article><p>Negotiators met again on Friday in Geneva, officials said.</p></article></body></html>");
        Files.writeString(dir.resolve("a.txt"), "Title\nBody text.");
        Files.writeString(dir.resolve("notes.md"), "ignored");
        List<String> problems = new ArrayList<>();

        List<Article> first = source.readAll(dir, "Archive", problems);
        List<Article> again = source.readAll(dir, "Archive", problems);

        assertThat(first).extracting(Article::title).containsExactly("Title", "Talks");
        assertThat(first.get(1).text())
                .isEqualTo("Negotiators met again on Friday in Geneva, officials said.");
        assertThat(again)
                .extracting(Article::id)
                .isEqualTo(first.stream().map(Article::id).toList());
        assertThat(problems).isEmpty();
    }
}
