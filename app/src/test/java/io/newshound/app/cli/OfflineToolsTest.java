package io.newshound.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.app.Newshound;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newshound feed} and {@code newshound extract} on files. */
class OfflineToolsTest {
    @TempDir Path dir;

    record Result(int status, List<String> out, List<String> err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                Newshound.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, lines(out), lines(err));
    }

    static List<String> lines(StringWriter w) {
        return w.toString().isEmpty() ? List.of() : Arrays.asList(w.toString().split("\\R"));
    }

    static final String RSS =
            "<rss version=\"2.0\"><channel><title>Kyiv Ledger</title>"
                    + "<item><title>Monitors for Donbas</title><link>https://kyiv-ledger.example/1</link>"
                    + "<guid isPermaLink=\"false\">kl-1</guid><pubDate>Wed, 21 Jan 2026 10:00:00 GMT</pubDate>"
                    + "<author>olena@kyiv-ledger.example (Olena Marchuk)</author>"
                    + "<description><![CDATA[<p>The ministry wants <b>monitors</b>.</p>]]></description></item>"
                    + "</channel></rss>";

    @Test
    void shouldPrintOneJsonLinePerFeedEntry() throws Exception {
        Path feed = Files.writeString(dir.resolve("feed.xml"), RSS);

        Result r = run("feed", feed.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out())
                .containsExactly(
                        "{\"id\":\"kl-1\",\"title\":\"Monitors for Donbas\",\"link\":\"https://kyiv-ledger.example/1\","
                                + "\"published\":\"2026-01-21T10:00:00Z\",\"author\":\"olena@kyiv-ledger.example (Olena Marchuk)\","
                                + "\"summary\":\"The ministry wants monitors.\"}");
    }

    @Test
    void shouldReportEachBadFeedInOneLineAndStillReadTheOthers() throws Exception {
        Path good = Files.writeString(dir.resolve("good.xml"), RSS);
        Path html =
                Files.writeString(dir.resolve("page.html"), "<html><body>not a feed</body></html>");
        Path missing = dir.resolve("missing.xml");

        Result r = run("feed", missing.toString(), html.toString(), good.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).hasSize(1);
        assertThat(r.err())
                .satisfiesExactly(
                        l -> assertThat(l).isEqualTo("newshound: " + missing + ": no such file"),
                        l ->
                                assertThat(l)
                                        .startsWith(
                                                "newshound: " + html + ": not a readable feed: "));
    }

    @Test
    void shouldExtractPagesIncludingGzippedOnes() throws Exception {
        String page =
                "<html lang=\"en\"><head><title>Monitors for Donbas</title><meta name=\"author\" content=\"Olena Marchuk\"></head>"
                        + "<body><nav>Home</nav><article><p>The foreign ministry said monitors must watch both sides of the line.</p></article></body></html>";
        Path plain = Files.writeString(dir.resolve("a.html"), page);
        Path gz = dir.resolve("b.html.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(page.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());

        Result r =
                run(
                        "extract",
                        plain.toString(),
                        gz.toString(),
                        dir.resolve("nope.html").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out())
                .hasSize(2)
                .allSatisfy(
                        l ->
                                assertThat(l)
                                        .contains("\"title\":\"Monitors for Donbas\"")
                                        .contains("\"author\":\"Olena Marchuk\"")
                                        .contains("\"language\":\"en\"")
                                        .contains(
                                                "\"text\":\"The foreign ministry said monitors must watch both sides of the line.\""));
        assertThat(r.out().get(0)).startsWith("{\"document\":\"" + plain + "\"");
        assertThat(r.err())
                .containsExactly("newshound: " + dir.resolve("nope.html") + ": no such file");
    }
}
