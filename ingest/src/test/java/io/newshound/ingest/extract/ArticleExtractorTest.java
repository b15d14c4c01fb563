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
}
