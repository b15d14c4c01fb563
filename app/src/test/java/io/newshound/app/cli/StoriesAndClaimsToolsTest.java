package io.newshound.app.cli;

import static io.newshound.app.cli.OfflineToolsTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newshound.events.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newshound dedup} and {@code newshound analyze} on files written for these tests. */
class StoriesAndClaimsToolsTest {
    static final String STORY =
            "Envoys to carry revised plan to Moscow\n"
                    + "Two American envoys will carry a revised draft of the peace plan to Moscow"
                    + " next week, Baltic Wire reports, citing two officials briefed on the"
                    + " preparations. The draft leaves the future of the Donbas front line to a"
                    + " later meeting of the leaders, the officials said. European diplomats were"
                    + " shown an outline in Brussels on Monday and asked for more time to study"
                    + " its security annex before they comment on it in public.";

    static final String OTHER =
            "Grain corridor traffic rises\n"
                    + "Ship traffic through the Black Sea grain corridor rose for a third month,"
                    + " port officials in Odesa said on Tuesday. Insurers cut their war-risk"
                    + " premiums slightly after a quiet fortnight, and two new carriers booked"
                    + " berths for the spring, according to the port authority's weekly report.";

    @TempDir Path dir;

    Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static List<JsonNode> json(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            nodes.add(Json.mapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void shouldDecideStoriesInInputOrderAndReportABadDocument() throws Exception {
        Path first = write("first.txt", STORY);
        Path wrapped =
                write(
                        "wrapped.html",
                        "<html><head><title>Plan to Moscow</title></head><body>"
                                + "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                                + "<article><h1>Plan to Moscow</h1><p>"
                                + STORY.substring(STORY.indexOf('\n') + 1)
                                + "</p><p>Our correspondent in Kyiv contributed reporting to this"
                                + " article, which was updated on Tuesday evening.</p></article>"
                                + "<footer>All rights reserved.</footer></body></html>");
        Path other = write("other.txt", OTHER);
        Path copy = write("copy.txt", STORY);

        OfflineToolsTest.Result r =
                run(
                        "dedup",
                        first.toString(),
                        wrapped.toString(),
                        dir.resolve("missing.txt").toString(),
                        other.toString(),
                        copy.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .containsExactly("newshound: " + dir.resolve("missing.txt") + ": no such file");
        List<JsonNode> out = json(r.out());
        assertThat(out)
                .extracting(n -> n.get("document").asText())
                .containsExactly(
                        first.toString(), wrapped.toString(), other.toString(), copy.toString());
        assertThat(out.get(0).get("duplicateOf").isNull()).isTrue();
        assertThat(out.get(0).get("story").asText()).isEqualTo(first.toString());
        assertThat(out.get(1).get("duplicateOf").asText()).isEqualTo(first.toString());
        assertThat(out.get(1).get("kind").asText()).isEqualTo("near");
        assertThat(out.get(1).get("similarity").asDouble()).isGreaterThan(0.8);
        assertThat(out.get(2).get("story").asText()).isEqualTo(other.toString());
        assertThat(out.get(2).get("duplicateOf").isNull()).isTrue();
        assertThat(out.get(3).get("duplicateOf").asText()).isEqualTo(first.toString());
        assertThat(out.get(3).get("kind").asText()).isEqualTo("same-body");
    }

    @Test
    void shouldTagWithTheGivenRulesAndNameTheRuleLeftOut() throws Exception {
        Path topics =
                write(
                        "topics.yml",
                        """
                        topics:
                          - name: moscow-trip
                            query: '"plan Moscow"~3 AND title:envoys'
                          - name: broken
                            query: '"unclosed'
                          - name: grain
                            query: grain*
                        """);
        Path story = write("story.txt", STORY);

        OfflineToolsTest.Result r = run("analyze", "--topics", topics.toString(), story.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).singleElement().asString().contains("topic broken: cannot parse query");
        JsonNode line = json(r.out()).get(0);
        assertThat(line.get("title").asText()).isEqualTo("Envoys to carry revised plan to Moscow");
        assertThat(line.get("topics")).hasSize(1);
        assertThat(line.get("topics").get(0).get("topic").asText()).isEqualTo("moscow-trip");
        assertThat(line.get("topics").get(0).get("snippet").asText()).contains("Moscow");
        JsonNode claim = line.get("claims").get(0);
        assertThat(claim.get("novel").asBoolean()).isTrue();
        int start = claim.get("contentSpan").get(0).asInt();
        int end = claim.get("contentSpan").get(1).asInt();
        assertThat(STORY.substring(start, end)).isEqualTo(claim.get("content").asText());
    }

    @Test
    void shouldFindTheSecondSeedARepeatAndTheThirdNew() throws Exception {
        Path seeds = Path.of("..", "..", "shared", "seeds");
        assumeThat(Files.isDirectory(seeds)).as("the seeds beside the repository").isTrue();
        List<String> documents;
        try (Stream<Path> files = Files.list(seeds)) {
            documents = files.map(Path::toString).filter(p -> p.endsWith(".txt")).sorted().toList();
        }
        assertThat(documents).hasSize(3);

        OfflineToolsTest.Result r =
                run(Stream.concat(Stream.of("analyze"), documents.stream()).toArray(String[]::new));

        assertThat(r.status()).isZero();
        List<JsonNode> out = json(r.out());
        assertThat(newClaims(out.get(0))).isPositive();
        assertThat(newClaims(out.get(1))).as("the second repeats the first").isZero();
        assertThat(out.get(1).get("story").asText()).isEqualTo(documents.get(0));
        assertThat(newClaims(out.get(2))).as("the third brings news").isPositive();
        assertThat(out.get(2).get("story").asText()).isEqualTo(documents.get(2));
    }

    private static long newClaims(JsonNode line) {
        long n = 0;
        for (JsonNode claim : line.get("claims")) {
            n += claim.get("novel").asBoolean() ? 1 : 0;
        }
        return n;
    }
}
