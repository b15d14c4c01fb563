package io.newshound.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.enrich.EnrichConfig;
import io.newshound.enrich.OfflineEnrich;
import io.newshound.events.EnrichedArticle;
import io.newshound.events.Json;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.feed.HttpFetcher;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newshound dedup}: the stories of documents, decided by enrich's own topology. */
@Command(
        name = "dedup",
        mixinStandardHelpOptions = true,
        description = {
            "Decide the stories of documents (text or HTML files, .gz files, or http(s) URLs) in"
                    + " the order given, with the same code as the enrich service, and print one"
                    + " JSON line per document: document, story (the document that started it),"
                    + " duplicateOf (the earlier document it copies, or null), kind and"
                    + " similarity. A document that cannot be read gives one line on standard"
                    + " error and exit status 2; the others are still decided."
        })
public final class DedupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DOC", description = "Documents, in order.")
    List<String> documents;

    @Override
    public Integer call() throws Exception {
        Logging.configure("WARN", false);
        Logging.quiet("org.apache.kafka"); // the test driver's remarks about its temporary state
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleExtractor extractor = new ArticleExtractor();
        int status = 0;
        try (HttpFetcher fetcher = Inputs.fetcher();
                OfflineEnrich enrich = new OfflineEnrich(EnrichConfig.defaults())) {
            for (int i = 0; i < documents.size(); i++) {
                String document = documents.get(i);
                try {
                    Inputs.Document doc = Inputs.read(document, fetcher);
                    EnrichedArticle decided =
                            enrich.process(
                                            Inputs.article(document, doc, i, extractor).article(),
                                            Inputs.OFFLINE_EPOCH.plusSeconds(i))
                                    .article();
                    ObjectNode line = Json.mapper().createObjectNode();
                    line.put("document", document);
                    line.put("story", decided.storyId());
                    line.put("duplicateOf", decided.duplicateOf());
                    line.put(
                            "kind",
                            decided.duplicateKind() == null
                                    ? null
                                    : decided.duplicateKind().label());
                    if (decided.isDuplicate()) {
                        line.put("similarity", decided.similarity());
                    } else {
                        line.putNull("similarity");
                    }
                    out.println(Json.mapper().writeValueAsString(line));
                } catch (Inputs.InputException e) {
                    err.println("newshound: " + document + ": " + e.getMessage());
                    status = 2;
                }
            }
        }
        out.flush();
        return status;
    }
}
