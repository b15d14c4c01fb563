package io.newshound.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    static final URI FEED = URI.create("https://danube-post.example/world/rss.xml");

    final FeedParser parser = new FeedParser();

    @Test
    void shouldReadAnRss2FeedWithCdataEntitiesAndRelativeLinks() throws Exception {
        String rss =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                  <title>Danube Post &amp; Friends</title>
                  <item>
                    <title>Envoys &quot;expected&quot; in Moscow</title>
                    <link>/world/envoys-expected</link>
                    <guid isPermaLink="false">dp-1001</guid>
                    <pubDate>Wed, 21 Jan 2026 18:45:00 +0200</pubDate>
                    <description><![CDATA[<p>The trip <b>could</b> happen soon.</p>]]></description>
                  </item>
                  <item>
                    <title>No guid here</title>
                    <link>https://danube-post.example/world/no-guid</link>
                  </item>
                </channel></rss>
                """;

        ParsedFeed feed =
                parser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED);

        assertThat(feed.title()).isEqualTo("Danube Post & Friends");
        assertThat(feed.entries()).hasSize(2);
        FeedEntry first = feed.entries().get(0);
        assertThat(first.id()).isEqualTo("dp-1001");
        assertThat(first.title()).isEqualTo("Envoys \"expected\" in Moscow");
        assertThat(first.link()).isEqualTo("https://danube-post.example/world/envoys-expected");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-01-21T16:45:00Z"));
        assertThat(first.summary()).isEqualTo("The trip could happen soon.");
        FeedEntry second = feed.entries().get(1);
        assertThat(second.id()).isEqualTo("https://danube-post.example/world/no-guid");
        assertThat(second.published()).isNull();
    }

    @Test
    void shouldReadAnAtomFeed() throws Exception {
        String atom =
                """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Baltic Wire</title>
                  <id>urn:baltic-wire</id>
                  <updated>2026-01-21T10:00:00Z</updated>
                  <entry>
                    <title>Talks resume</title>
                    <id>urn:baltic-wire:77</id>
                    <link href="https://baltic-wire.example/77"/>
                    <updated>2026-01-21T10:00:00Z</updated>
                    <author><name>Ilze Ozola</name></author>
                    <content type="html">&lt;p&gt;Negotiators met again.&lt;/p&gt;</content>
                  </entry>
                </feed>
                """;

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.entries())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.id()).isEqualTo("urn:baltic-wire:77");
                            assertThat(e.author()).isEqualTo("Ilze Ozola");
                            assertThat(e.published())
                                    .isEqualTo(Instant.parse("2026-01-21T10:00:00Z"));
                            assertThat(e.feedText()).isEqualTo("Negotiators met again.");
                        });
    }

    @Test
    void shouldSayInOneLineThatAnHtmlPageIsNotAFeed() {
        byte[] html = "<html><body><p>Welcome</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(html, "text/html", FEED))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable feed: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRefuseADoctypeSoNoEntityCanExpand() {
        String laughs =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <rss version="2.0"><channel><title>&b;</title></channel></rss>
                """;

        assertThatThrownBy(() -> parser.parse(laughs.getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class);
    }
}
