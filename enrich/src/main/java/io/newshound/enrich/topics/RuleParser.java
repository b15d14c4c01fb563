package io.newshound.enrich.topics;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query parser over an article's fields: {@code title:}, {@code body:}, and both
 * when no field is named. A rule with stemming is parsed against the stemmed copies of the fields.
 * Any other field name is an error, so a typo like {@code titel:} is not silently matched against
 * nothing.
 */
final class RuleParser extends QueryParser {
    /** Title and body together: what a rule searches when it names no field. */
    static final String TEXT = "text";

    static final String TITLE = "title";
    static final String BODY = "body";
    private static final Map<String, String> FIELDS = Map.of(TEXT, TEXT, TITLE, TITLE, BODY, BODY);

    private final String suffix;

    RuleParser(Analyzer analyzer, boolean stemming) {
        super(TEXT, analyzer);
        this.suffix = stemming ? TopicAnalyzer.STEMMED_SUFFIX : "";
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
    }

    private String field(String name) throws ParseException {
        if (!suffix.isEmpty() && name.endsWith(suffix)) {
            return name; // already mapped: the parser calls itself with the field it was given
        }
        String field = FIELDS.get(name);
        if (field == null) {
            throw new ParseException(
                    "unknown field '" + name + "' (a rule can name title: or body:)");
        }
        return field + suffix;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
            throws ParseException {
        return super.getFieldQuery(field(field), queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return super.getFieldQuery(field(field), queryText, slop);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(field(field), termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(field(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
            throws ParseException {
        return super.getFuzzyQuery(field(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return super.getRegexpQuery(field(field), termStr);
    }

    @Override
    protected Query getRangeQuery(
            String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        return super.getRangeQuery(field(field), part1, part2, startInclusive, endInclusive);
    }
}
