package io.newshound.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    static final String URL =
            "https://northern-courier.example/world/2026/01/envoys?utm_source=rss";

    static final String PAGE =
            """
            <!doctype html>
            <html lang="en-GB"><head>
              <title>Envoys head east | Northern Courier</title>
              <link rel="canonical" href="https://northern-courier.example/world/2026/01/envoys">
              <meta property="og:title" content="Envoys head east">
              <meta name="author" content="Maren Holt">
              <meta property="article:published_time" content="2026-01-21T09:30:00+01:00">
            </head><body>
              <header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
              <div class="share-bar"><a>Share on X</a><a>Email</a></div>
              <article>
                <h1>Envoys head east</h1>
                <p>Two envoys are expected to travel to Moscow next week, officials said.</p>
                <p>The visit has not been confirmed by the Kremlin.</p>
                <div class="related-links"><h3>MORE ABOUT</h3><ul><li><a>Older story</a></li></ul></div>
              </article>
              <aside><h3>LATEST</h3><ul><li>Weather turns cold</li></ul></aside>
              <footer>© Northern Courier</footer>
            </body></html>
            """;

    @Test
    void shouldKeepTheArticleAndDropNavigationShareWidgetsAndLinkLists() {
        ExtractedPage page = new ArticleExtractor().extract(PAGE, URL);

        assertThat(page.text())
                .isEqualTo(
                        "Two envoys are expected to travel to Moscow next week, officials said.\n\n"
                                + "The visit has not been confirmed by the Kremlin.");
    }

    @Test
    void shouldReadTheMetadata() {
        ExtractedPage page = new ArticleExtractor().extract(PAGE, URL);

        assertThat(page.canonicalUrl())
                .isEqualTo("https://northern-courier.example/world/2026/01/envoys");
        assertThat(page.title()).isEqualTo("Envoys head east");
        assertThat(page.author()).isEqualTo("Maren Holt");
        assertThat(page.published()).isEqualTo(Instant.parse("2026-01-21T08:30:00Z"));
        assertThat(page.language()).isEqualTo("en");
    }

    @Test
    void shouldFindTheDensestBlockWhenThereIsNoArticleElement() {
        String html =
                """
                <html><body>
                  <div id="menu"><p>Home</p><p>World</p></div>
                  <div class="story"><p>First paragraph of the story, long enough to count.</p>
                  <p>Second paragraph of the story.</p></div>
                </body></html>
                """;

        assertThat(new ArticleExtractor().extract(html, "https://x.example/a").text())
                .isEqualTo(
                        "First paragraph of the story, long enough to count.\n\nSecond paragraph of the story.");
    }

    @Test
    void shouldReadACyrillicPageInItsDeclaredCharset() {
        String html =
                "<html lang=\"uk\"><head><meta charset=\"windows-1251\">"
                        + "<title>Переговори у Женеві</title></head><body>"
                        + "<nav><a href=\"/\">Головна</a> <a href=\"/news\">Новини</a></nav>"
                        + "<div class=\"article-body\">"
                        + "<p>Делегації України та США провели новий раунд переговорів щодо мирного плану.</p>"
                        + "<p>За словами джерел, сторони обговорили лінію фронту на Донбасі та гарантії безпеки.</p>"
                        + "</div><div class=\"related\"><h3>Читайте також</h3><ul><li><a>Інша новина</a></li></ul></div>"
                        + "</body></html>";
        byte[] bytes = html.getBytes(java.nio.charset.Charset.forName("windows-1251"));

        ExtractedPage page =
                new ArticleExtractor().extract(bytes, null, "https://kyiv-ledger.example/uk/1");

        assertThat(page.language()).isEqualTo("uk");
        assertThat(page.title()).isEqualTo("Переговори у Женеві");
        assertThat(page.text())
                .isEqualTo(
                        "Делегації України та США провели новий раунд переговорів щодо мирного плану.\n\n"
                                + "За словами джерел, сторони обговорили лінію фронту на Донбасі та гарантії безпеки.");
    }

    @Test
    void shouldKeepTheBodyWhenItsWrapperHasABoilerplateSoundingClass() {
        String first =
                "Negotiators met for a third day and agreed on the order of the next talks. "
                        .repeat(3)
                        .strip();
        String second =
                "Observers said the mood was better than in the spring, though no text was signed. "
                        .repeat(3)
                        .strip();
        String html =
                "<html><body><div class=\"layout has-sidebar\"><div class=\"col\">"
                        + "<p>"
                        + first
                        + "</p><p>"
                        + second
                        + "</p>"
                        + "</div><div class=\"sidebar\"><p>Most read: a list of other stories people read a lot.</p></div>"
                        + "</div></body></html>";

        assertThat(new ArticleExtractor().extract(html, "https://x.example/a").text())
                .isEqualTo(first + "\n\n" + second);
    }

    @Test
    void shouldPreferTheStructuredBodyWhenThePageShowsOnlyATeaser() {
        String body = "Full text of the report. ".repeat(40).strip();
        String html =
                "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                        + "\"headline\":\"Report\",\"articleBody\":\""
                        + body
                        + "\"}</script></head>"
                        + "<body><article><p>Teaser paragraph that is shown before the paywall starts.</p></article></body></html>";

        assertThat(new ArticleExtractor().extract(html, "https://x.example/a").text())
                .isEqualTo(body);
    }
}
