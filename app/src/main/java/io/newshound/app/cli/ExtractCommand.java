package io.newshound.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.events.Json;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.extract.ExtractedPage;
import io.newshound.ingest.feed.HttpFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newshound extract}: the article text of pages, one JSON line each. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = {
            "Extract the article from each page (a file, a .gz file, or an http(s) URL) and print"
                    + " one JSON line per page: document, url, title, author, published, language,"
                    + " text. A page that cannot be read gives one line on standard error and"
                    + " exit status 2; the other pages are still processed."
        })
public final class ExtractCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Pages to extract.")
    List<String> documents;

    @Override
    public Integer call() {
        Logging.configure("WARN", false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleExtractor extractor = new ArticleExtractor();
        HttpFetcher fetcher = Inputs.fetcher();
        int status = 0;
        for (String document : documents) {
            try {
                Inputs.Document doc = Inputs.read(document, fetcher);
                ExtractedPage page = extractor.extract(doc.bytes(), doc.charset(), doc.url());
                ObjectNode line = Json.mapper().createObjectNode();
                line.put("document", document);
                line.put("url", page.canonicalUrl());
                line.put("title", page.title());
                line.put("author", page.author());
                line.put(
                        "published", page.published() == null ? null : page.published().toString());
                line.put("language", page.language());
                line.put("text", page.text());
                out.println(Json.mapper().writeValueAsString(line));
            } catch (Inputs.InputException e) {
                err.println("newshound: " + document + ": " + e.getMessage());
                status = 2;
            } catch (IOException e) {
                err.println("newshound: " + document + ": " + e.getMessage());
                status = 2;
            }
        }
        out.flush();
        return status;
    }
}
