package io.newshound.ingest;

import io.newshound.events.Article;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.extract.ExtractedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Articles from files, to replay an archive through the pipeline: a {@code .txt} file's first line
 * is its title and the rest its text; an {@code .html} file goes through the extractor. Each file's
 * id comes from its absolute path, so replaying a folder twice adds nothing.
 */
public final class DirectorySource {
    private final ArticleExtractor extractor;
    private final Clock clock;

    public DirectorySource(ArticleExtractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    /** The {@code .txt} and {@code .html} files under {@code dir}, in name order. */
    public static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(DirectorySource::isArticleFile)
                    .sorted()
                    .toList();
        }
    }

    static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm");
    }

    /**
     * The article in {@code file}, published by {@code outlet}.
     *
     * @throws IOException when the file cannot be read
     */
    public Article read(Path file, String outlet) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        String url = absolute.toUri().toString();
        byte[] bytes = Files.readAllBytes(absolute);
        Instant modified = Files.getLastModifiedTime(absolute).toInstant();
        Instant now = clock.instant();
        String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            String title = (newline < 0 ? text : text.substring(0, newline)).strip();
            String body = newline < 0 ? "" : text.substring(newline + 1).strip();
            return Article.of(
                    ArticleIds.idOf(url),
                    url,
                    "dir:" + absolute.getParent(),
                    outlet,
                    url,
                    title,
                    null,
                    modified,
                    now,
                    null,
                    body);
        }
        ExtractedPage page = extractor.extract(bytes, null, url);
        return Article.of(
                ArticleIds.idOf(url),
                url,
                "dir:" + absolute.getParent(),
                outlet,
                url,
                page.title() == null ? "" : page.title(),
                page.author(),
                page.published() == null ? modified : page.published(),
                now,
                page.language(),
                page.text());
    }

    /** Every article under {@code dir}; files that cannot be read are reported, not fatal. */
    public List<Article> readAll(Path dir, String outlet, List<String> problems)
            throws IOException {
        List<Article> articles = new ArrayList<>();
        for (Path file : filesUnder(dir)) {
            try {
                articles.add(read(file, outlet));
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        return articles;
    }
}
