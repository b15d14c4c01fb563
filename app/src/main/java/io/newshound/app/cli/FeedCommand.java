package io.newshound.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.events.Json;
import io.newshound.ingest.feed.FeedEntry;
import io.newshound.ingest.feed.FeedParseException;
import io.newshound.ingest.feed.FeedParser;
import io.newshound.ingest.feed.HttpFetcher;
import io.newshound.ingest.feed.ParsedFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newshound feed}: a feed's entries as Newshound reads them, one JSON line each. */
@Command(
        name = "feed",
        mixinStandardHelpOptions = true,
        description = {
            "Read each feed (a file, a .gz file, or an http(s) URL) and print one JSON line per"
                    + " entry: id, title, link, published, author, summary. A feed that cannot be"
                    + " read gives one line on standard error and exit status 2; the others are"
                    + " still read."
        })
public final class FeedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Feeds to read.")
    List<String> feeds;

    @Override
    public Integer call() {
        Logging.configure("WARN", false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedParser parser = new FeedParser();
        HttpFetcher fetcher = Inputs.fetcher();
        int status = 0;
        for (String feed : feeds) {
            try {
                Inputs.Document doc = Inputs.read(feed, fetcher);
                ParsedFeed parsed =
                        parser.parse(doc.bytes(), doc.contentType(), URI.create(doc.url()));
                for (FeedEntry entry : parsed.entries()) {
                    ObjectNode line = Json.mapper().createObjectNode();
                    line.put("id", entry.id());
                    line.put("title", entry.title());
                    line.put("link", entry.link());
                    line.put(
                            "published",
                            entry.published() == null ? null : entry.published().toString());
                    line.put("author", entry.author());
                    line.put("summary", entry.summary());
                    out.println(Json.mapper().writeValueAsString(line));
                }
            } catch (Inputs.InputException | FeedParseException | IOException e) {
                err.println("newshound: " + feed + ": " + e.getMessage());
                status = 2;
            }
        }
        out.flush();
        return status;
    }
}
