package io.newshound.enrich.topics;

import io.newshound.events.TopicMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags articles with the topics whose rules match them, with the words that matched and a snippet
 * around the first match. The rules are Lucene queries held in Lucene's {@link Monitor}, which
 * indexes the queries themselves so that an article is only checked against the rules that share a
 * word with it: thousands of rules cost little more than a few.
 *
 * <p>A rule that does not parse is left out, with its topic name and the parser's message in {@link
 * #errors()}; the other rules work.
 */
public final class TopicTagger implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicTagger.class);
    private static final int SNIPPET_CONTEXT = 80;
    private static final int MAX_TERMS = 10;

    private final Monitor monitor;
    private final List<String> names;
    private final List<String> errors;
    private final Set<String> fields;
    private final RuleAnchors anchors;
    private final Set<String> reportedFailures = ConcurrentHashMap.newKeySet();

    private TopicTagger(
            Monitor monitor,
            List<String> names,
            List<String> errors,
            Set<String> fields,
            RuleAnchors anchors) {
        this.monitor = monitor;
        this.names = names;
        this.errors = errors;
        this.fields = fields;
        this.anchors = anchors;
    }

    /** Compiles {@code rules}; the ones that do not parse are reported in {@link #errors()}. */
    public static TopicTagger compile(List<TopicRule> rules) {
        return compile(rules, true);
    }

    /** Compiles {@code rules}, with the quick check for articles on no topic or without it. */
    static TopicTagger compile(List<TopicRule> rules, boolean anchored) {
        TopicAnalyzer analyzer = new TopicAnalyzer();
        List<MonitorQuery> queries = new ArrayList<>(rules.size());
        List<String> names = new ArrayList<>(rules.size());
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (TopicRule rule : rules) {
            if (!seen.add(rule.name())) {
                errors.add("topic " + rule.name() + ": defined twice; the first one is used");
                continue;
            }
            try {
                Query query = parse(analyzer, rule);
                queries.add(new MonitorQuery(rule.name(), query, rule.queryText(), Map.of()));
                names.add(rule.name());
                collectFields(query, fields);
            } catch (ParseException | IllegalArgumentException | IndexSearcher.TooManyClauses e) {
                errors.add("topic " + rule.name() + ": " + firstLine(e.getMessage()));
            }
        }
        try {
            Monitor monitor = new Monitor(analyzer);
            monitor.register(queries);
            List<Query> parsed = queries.stream().map(MonitorQuery::getQuery).toList();
            return new TopicTagger(
                    monitor,
                    List.copyOf(names),
                    List.copyOf(errors),
                    Set.copyOf(fields),
                    anchored ? RuleAnchors.of(parsed) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the topic rule index", e);
        }
    }

    /** Parses one rule; a query that cannot match anything is an error too. */
    static Query parse(TopicAnalyzer analyzer, TopicRule rule) throws ParseException {
        String text = rule.queryText();
        Query query;
        try {
            query = new RuleParser(analyzer, rule.stemming()).parse(text);
        } catch (ParseException e) {
            throw new ParseException("cannot parse query '" + text + "': " + cause(e));
        }
        if (query instanceof MatchNoDocsQuery || matchesNothing(query)) {
            throw new IllegalArgumentException(
                    "query '"
                            + text
                            + "' has no words to look for (only NOT clauses or stop characters)");
        }
        return query;
    }

    /**
     * Adds the fields {@code query} reads, NOT clauses included, so that an article is only
     * analyzed into the fields some rule looks at.
     */
    private static void collectFields(Query query, Set<String> fields) {
        query.visit(
                new QueryVisitor() {
                    @Override
                    public boolean acceptField(String field) {
                        fields.add(field);
                        return false;
                    }

                    @Override
                    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                        return this;
                    }
                });
    }

    private static boolean matchesNothing(Query query) {
        if (query instanceof BooleanQuery bool) {
            return bool.clauses().isEmpty()
                    || bool.clauses().stream()
                            .allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
        }
        return false;
    }

    private static String cause(ParseException e) {
        // The classic parser's messages start with "Cannot parse '...': " and go on for lines.
        String message = firstLine(e.getMessage());
        int colon = message.indexOf("': ");
        return colon >= 0 && message.startsWith("Cannot parse")
                ? message.substring(colon + 3)
                : message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** The names of the topics whose rules compiled, in file order. */
    public List<String> topics() {
        return names;
    }

    /** One line per rule left out: the topic name and why. */
    public List<String> errors() {
        return errors;
    }

    /** The topics of an article with {@code title} and {@code body}, in rule order. */
    public List<TopicMatch> tag(String title, String body) {
        if (names.isEmpty()) {
            return List.of();
        }
        String full = title.isEmpty() ? body : title + "\n\n" + body;
        if (anchors != null && !anchors.mightMatch(full)) {
            return List.of(); // not a word any rule looks for: no need to analyze it
        }
        int bodyStart = title.isEmpty() ? 0 : title.length() + 2;
        Document doc = new Document();
        addField(doc, RuleParser.TEXT, full);
        addField(doc, RuleParser.TITLE, title);
        addField(doc, RuleParser.BODY, body);
        MatchingQueries<HighlightsMatch> matches;
        try {
            matches = monitor.match(doc, HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("topic matching failed", e);
        }
        matches.getErrors().forEach(this::reportFailure);
        List<TopicMatch> tags = new ArrayList<>();
        for (String name : names) {
            HighlightsMatch match = matches.matches(name);
            if (match != null) {
                tags.add(describe(name, match, full, bodyStart));
            }
        }
        return tags;
    }

    private void addField(Document doc, String name, String value) {
        if (fields.contains(name)) {
            doc.add(new TextField(name, value, Field.Store.NO));
        }
        String stemmed = name + TopicAnalyzer.STEMMED_SUFFIX;
        if (fields.contains(stemmed)) {
            doc.add(new TextField(stemmed, value, Field.Store.NO));
        }
    }

    private void reportFailure(String topic, Exception e) {
        if (reportedFailures.add(topic)) {
            log.warn("topic {}: its rule failed on an article: {}", topic, e.toString());
        }
    }

    private record Hit(int start, int end) {}

    private static TopicMatch describe(
            String name, HighlightsMatch match, String full, int bodyAt) {
        List<Hit> hits = new ArrayList<>();
        for (String field : match.getFields()) {
            int shift = field.startsWith(RuleParser.BODY) ? bodyAt : 0;
            Collection<HighlightsMatch.Hit> fieldHits = match.getHits(field);
            for (HighlightsMatch.Hit hit : fieldHits) {
                if (hit.startOffset >= 0 && hit.endOffset <= full.length() - shift) {
                    hits.add(new Hit(hit.startOffset + shift, hit.endOffset + shift));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
        Map<String, String> terms = new LinkedHashMap<>();
        for (Hit hit : hits) {
            String term = term(full.substring(hit.start(), hit.end()));
            terms.putIfAbsent(term.toLowerCase(Locale.ROOT), term);
            if (terms.size() == MAX_TERMS) {
                break;
            }
        }
        String snippet = hits.isEmpty() ? "" : snippet(full, hits.get(0).start());
        return new TopicMatch(name, List.copyOf(new LinkedHashSet<>(terms.values())), snippet);
    }

    /** A matched passage as a term: a proximity match over many words shows its two ends. */
    private static String term(String passage) {
        String[] words = passage.strip().split("\\s+");
        if (words.length <= 5) {
            return String.join(" ", words);
        }
        return words[0] + " … " + words[words.length - 1];
    }

    static String snippet(String text, int at) {
        int start = Math.max(0, at - SNIPPET_CONTEXT);
        int end = Math.min(text.length(), at + SNIPPET_CONTEXT);
        while (start > 0 && start < at && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        while (end < text.length() && end > at && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        String core = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return (start > 0 ? "…" : "") + core + (end < text.length() ? "…" : "");
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            log.debug("closing the topic rule index", e);
        }
    }
}
