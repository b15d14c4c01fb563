package io.newshound.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newshound.enrich.EnrichConfig;
import io.newshound.enrich.OfflineEnrich;
import io.newshound.enrich.topics.TopicRules;
import io.newshound.events.Article;
import io.newshound.events.Claim;
import io.newshound.events.Json;
import io.newshound.events.Span;
import io.newshound.events.TopicMatch;
import io.newshound.ingest.extract.ArticleExtractor;
import io.newshound.ingest.feed.HttpFetcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newshound analyze}: topics and claims of documents, decided by enrich's own topology. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Tag documents (text or HTML files, .gz files, or http(s) URLs) with topics and"
                    + " extract their claims, in the order given, with the same code as the"
                    + " enrich service, and print one JSON line per document: document, title,"
                    + " topics (with the terms that matched and a snippet), story, duplicateOf and"
                    + " claims (source, sourceType, outlet, cue, content, quote, denial, novel,"
                    + " repeatOf, and character spans into the document's text). Novelty is"
                    + " decided across the documents of the call. A document that cannot be read"
                    + " gives one line on standard error and exit status 2."
        })
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--topics",
            paramLabel = "FILE",
            description = "Topic rules (a topics.yml file); the shipped topics by default.")
    Path topics;

    @Parameters(arity = "1..*", paramLabel = "DOC", description = "Documents, in order.")
    List<String> documents;

    @Override
    public Integer call() throws Exception {
        Logging.configure("ERROR", false);
        Logging.quiet("org.apache.kafka"); // the test driver's remarks about its temporary state
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A preview: the claims of every document, on a followed topic or not.
        EnrichConfig config = EnrichConfig.defaults().withClaims(EnrichConfig.ClaimScope.ALL);
        if (topics != null) {
            try {
                TopicRules.Loaded loaded = TopicRules.load(topics);
                config = config.withTopics(loaded.rules());
                loaded.errors().forEach(e -> err.println("newshound: " + e));
            } catch (IllegalArgumentException e) {
                err.println("newshound: " + e.getMessage());
                return 2;
            }
        }
        ArticleExtractor extractor = new ArticleExtractor();
        int status = 0;
        try (HttpFetcher fetcher = Inputs.fetcher();
                OfflineEnrich enrich = new OfflineEnrich(config)) {
            for (String error : enrich.ruleErrors()) {
                err.println("newshound: " + (topics == null ? "" : topics + ": ") + error);
                status = 2;
            }
            for (int i = 0; i < documents.size(); i++) {
                String document = documents.get(i);
                try {
                    Inputs.Document doc = Inputs.read(document, fetcher);
                    Inputs.Read read = Inputs.article(document, doc, i, extractor);
                    OfflineEnrich.Result result =
                            enrich.process(read.article(), Inputs.OFFLINE_EPOCH.plusSeconds(i));
                    out.println(Json.mapper().writeValueAsString(line(document, read, result)));
                } catch (Inputs.InputException e) {
                    err.println("newshound: " + document + ": " + e.getMessage());
                    status = 2;
                }
            }
        }
        out.flush();
        return status;
    }

    private static ObjectNode line(String document, Inputs.Read read, OfflineEnrich.Result result) {
        Article article = read.article();
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("document", document);
        line.put(
                "title",
                article.title().isEmpty() ? Inputs.firstLine(article.text()) : article.title());
        ArrayNode tags = line.putArray("topics");
        for (TopicMatch match : result.article().topics()) {
            ObjectNode tag = tags.addObject();
            tag.put("topic", match.topic());
            ArrayNode terms = tag.putArray("terms");
            match.terms().forEach(terms::add);
            tag.put("snippet", match.snippet());
        }
        line.put("story", result.article().storyId());
        line.put("duplicateOf", result.article().duplicateOf());
        ArrayNode claims = line.putArray("claims");
        for (Claim claim : result.claims()) {
            ObjectNode c = claims.addObject();
            c.put("source", claim.source());
            c.put("sourceType", claim.sourceType().label());
            c.put("outlet", claim.relayedBy());
            c.put("cue", claim.cue());
            c.put("content", claim.content());
            c.put("quote", claim.quote());
            c.put("denial", claim.denial());
            c.put("novel", claim.novel());
            c.put("repeatOf", claim.repeatOf());
            span(c, "sourceSpan", claim.sourceSpan(), read);
            span(c, "cueSpan", claim.cueSpan(), read);
            span(c, "contentSpan", claim.contentSpan(), read);
        }
        return line;
    }

    /** A span as offsets into the document's own text. */
    private static void span(ObjectNode claim, String name, Span span, Inputs.Read read) {
        if (span == null) {
            claim.putNull(name);
            return;
        }
        ArrayNode pair = claim.putArray(name);
        pair.add(read.offsetInDocument(span.start()));
        pair.add(read.offsetInDocument(span.end()));
    }
}
