package io.newshound.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.io.impl.PropertiesLoader;
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

    static byte[] bytes(String s, String charset) {
        return s.getBytes(java.nio.charset.Charset.forName(charset));
    }

    @Test
    void shouldReadAnRss091Feed() throws Exception {
        String rss =
                "<?xml version=\"1.0\"?><rss version=\"0.91\"><channel><title>Old Wire</title>"
                        + "<link>https://old.example/</link><description>d</description><language>en</language>"
                        + "<item><title>Talks</title><link>https://old.example/1</link>"
                        + "<description>Envoys met.</description></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.entries())
                .extracting(FeedEntry::id, FeedEntry::link)
                .containsExactly(tuple("https://old.example/1", "https://old.example/1"));
    }

    @Test
    void shouldReadAnRss10RdfFeed() throws Exception {
        String rdf =
                "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<channel rdf:about=\"https://rdf.example/\"><title>RDF Daily</title><link>https://rdf.example/</link>"
                        + "<description>d</description><items><rdf:Seq><rdf:li resource=\"https://rdf.example/a\"/></rdf:Seq></items></channel>"
                        + "<item rdf:about=\"https://rdf.example/a\"><title>Truce talk</title><link>https://rdf.example/a</link>"
                        + "<dc:date>2026-01-21T10:00:00Z</dc:date><dc:creator>Anna Lind</dc:creator></item></rdf:RDF>";

        ParsedFeed feed =
                parser.parse(rdf.getBytes(StandardCharsets.UTF_8), "application/rdf+xml", FEED);

        assertThat(feed.title()).isEqualTo("RDF Daily");
        assertThat(feed.entries())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.link()).isEqualTo("https://rdf.example/a");
                            assertThat(e.published())
                                    .isEqualTo(Instant.parse("2026-01-21T10:00:00Z"));
                            assertThat(e.author()).isEqualTo("Anna Lind");
                        });
    }

    @Test
    void shouldReadAnAtom03Feed() throws Exception {
        String atom =
                "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
                        + "<title>Legacy Atom</title><modified>2026-01-21T10:00:00Z</modified>"
                        + "<entry><title>Envoy trip</title><link rel=\"alternate\" type=\"text/html\" href=\"https://legacy.example/7\"/>"
                        + "<id>tag:legacy.example,2026:7</id><issued>2026-01-21T09:00:00Z</issued><modified>2026-01-21T09:30:00Z</modified>"
                        + "</entry></feed>";

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.entries())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.id()).isEqualTo("tag:legacy.example,2026:7");
                            assertThat(e.link()).isEqualTo("https://legacy.example/7");
                            assertThat(e.published()).isNotNull();
                        });
    }

    @Test
    void shouldTakeTheCharsetFromTheXmlPrologWhenTheServerSaysNone() throws Exception {
        String rss =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Zürich Zeitung</title>"
                        + "<item><title>Gespräche in Genf</title><link>https://zz.example/1</link></item></channel></rss>";

        ParsedFeed feed = parser.parse(bytes(rss, "ISO-8859-1"), null, FEED);

        assertThat(feed.title()).isEqualTo("Zürich Zeitung");
        assertThat(feed.entries().get(0).title()).isEqualTo("Gespräche in Genf");
    }

    @Test
    void shouldTakeTheCharsetFromTheHttpHeader() throws Exception {
        String rss =
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Київський вісник</title>"
                        + "<item><title>Переговори щодо Донбасу</title><link>https://kv.example/1</link></item></channel></rss>";

        ParsedFeed feed =
                parser.parse(
                        bytes(rss, "windows-1251"),
                        "application/rss+xml; charset=windows-1251",
                        FEED);

        assertThat(feed.entries().get(0).title()).isEqualTo("Переговори щодо Донбасу");
    }

    @Test
    void shouldReadAUtf8FeedWithAByteOrderMark() throws Exception {
        String rss =
                "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Ёлка</title>"
                        + "<item><title>Мирный план</title><link>https://bom.example/1</link></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), "text/xml", FEED);

        assertThat(feed.entries().get(0).title()).isEqualTo("Мирный план");
    }

    @Test
    void shouldResolveLinksAgainstXmlBase() throws Exception {
        String atom =
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://base.example/news/\">"
                        + "<title>Based</title><id>urn:b</id><updated>2026-01-21T10:00:00Z</updated>"
                        + "<entry><title>One</title><id>urn:b:1</id><updated>2026-01-21T10:00:00Z</updated>"
                        + "<link href=\"2026/01/one.html\"/></entry></feed>";

        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.entries().get(0).link())
                .isEqualTo("https://base.example/news/2026/01/one.html");
    }

    @Test
    void shouldReadTheUsualDateVariants() throws Exception {
        String[][] cases = {
            {"Wed, 21 Jan 2026 18:45:00 GMT", "2026-01-21T18:45:00Z"},
            {"Wed, 21 Jan 2026 18:45:00 +0200", "2026-01-21T16:45:00Z"},
            {"21 Jan 2026 18:45:00 EST", "2026-01-21T23:45:00Z"},
            {"Wed, 21 Jan 2026 18:45 +0000", "2026-01-21T18:45:00Z"},
            {"Thu, 1 Jan 2026 18:45:00 GMT", "2026-01-01T18:45:00Z"},
            {"Wed, 21 Jan 26 18:45:00 GMT", "2026-01-21T18:45:00Z"},
            {"Wed, 21 Jan 2026 18:45:00 UT", "2026-01-21T18:45:00Z"},
            {"Wed, 21 Jan 2026 18:45:00 Z", "2026-01-21T18:45:00Z"},
            {"2026-01-21T18:45:00+02:00", "2026-01-21T16:45:00Z"},
            {"2026-01-21", "2026-01-21T00:00:00Z"},
            {"2026-01-21T18:45:00Z", "2026-01-21T18:45:00Z"},
            {"2026-01-21T18:45:00.380123456Z", "2026-01-21T18:45:00.380Z"},
        };
        for (String[] c : cases) {
            String rss =
                    "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                            + "<link>https://d.example/1</link><pubDate>"
                            + c[0]
                            + "</pubDate></item></channel></rss>";

            FeedEntry entry =
                    parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED).entries().get(0);

            assertThat(entry.published()).as(c[0]).isEqualTo(Instant.parse(c[1]));
        }
    }

    @Test
    void shouldTryTheRssDateMaskFirst() {
        // What keeps an RSS date from being tried against every Atom mask first (see
        // rome.properties); the dates themselves are checked above.
        assertThat(
                        PropertiesLoader.getPropertiesLoader()
                                .getTokenizedProperty("datetime.extra.masks", "|"))
                .containsExactly("EEE, dd MMM yy HH:mm:ss z");
    }

    @Test
    void shouldUseTheGuidWhenThereIsNoLinkAndSkipAnEntryWithNeither() throws Exception {
        String rss =
                "<rss version=\"2.0\"><channel><title>t</title>"
                        + "<item><title>Only a guid</title><guid isPermaLink=\"false\">g-1</guid></item>"
                        + "<item><title>Nothing</title></item></channel></rss>";

        ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED);

        assertThat(feed.entries())
                .extracting(FeedEntry::id, FeedEntry::link)
                .containsExactly(tuple("g-1", null));
    }

    @Test
    void shouldSayWhatIsWrongWithMalformedXml() {
        String broken =
                "<rss version=\"2.0\"><channel><title>t</title><item><title>x</item></channel></rss>";

        assertThatThrownBy(() -> parser.parse(broken.getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable feed: ");
    }
}
