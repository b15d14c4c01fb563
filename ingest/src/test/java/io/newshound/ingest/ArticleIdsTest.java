package io.newshound.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldLowercaseSchemeAndHostAndDropTheDefaultPortAndFragment() {
        assertThat(ArticleIds.canonicalize("HTTPS://News.Example.ORG:443/World/Story-1#comments"))
                .isEqualTo("https://news.example.org/World/Story-1");
    }

    @Test
    void shouldDropTrackingParametersAndKeepTheOthers() {
        assertThat(
                        ArticleIds.canonicalize(
                                "https://news.example.org/a?utm_source=tw&id=7&fbclid=x&gclid=y&utm_medium=s"))
                .isEqualTo("https://news.example.org/a?id=7");
    }

    @Test
    void shouldGiveTheSameIdToTwoLinksOfOneArticle() {
        String a = ArticleIds.canonicalize("http://news.example.org:80/a?utm_campaign=x");
        String b = ArticleIds.canonicalize("http://NEWS.example.org/a#top");

        assertThat(ArticleIds.idOf(a)).isEqualTo(ArticleIds.idOf(b)).hasSize(20);
    }

    @Test
    void shouldGiveDifferentIdsToDifferentArticles() {
        assertThat(ArticleIds.idOf("https://news.example.org/a"))
                .isNotEqualTo(ArticleIds.idOf("https://news.example.org/b"));
    }
}
