package io.newshound.enrich.topics;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How topic rules and articles are split into words: Unicode word boundaries, possessives dropped
 * ("Witkoff’s" is "Witkoff"), then ICU folding of case, diacritics and compatibility forms, so
 * "Donbás", "DONBAS" and "donbas" are one word, and "Донбас" matches "донбас". Fields whose name
 * ends in {@value #STEMMED_SUFFIX} are stemmed too, with the English (Porter) and Russian light
 * stemmers, each of which leaves the other's alphabet alone.
 */
public final class TopicAnalyzer extends Analyzer {
    /** The suffix of the fields that are stemmed. */
    public static final String STEMMED_SUFFIX = "_stem";

    /** Apostrophes in all their forms become one, so "Слов’янськ" is "Слов'янськ". */
    private static final NormalizeCharMap APOSTROPHES;

    static {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String apostrophe : new String[] {"\u2019", "\u02BC", "\u2018", "\uFF07", "`"}) {
            map.add(apostrophe, "'");
        }
        APOSTROPHES = map.build();
    }

    public TopicAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(tokenizer);
        stream = new ICUFoldingFilter(stream);
        if (fieldName.endsWith(STEMMED_SUFFIX)) {
            stream = new PorterStemFilter(stream);
            stream = new RussianLightStemFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        // Wildcard and prefix terms are folded like words, so "Donb*" and "донб*" work.
        return new ICUFoldingFilter(in);
    }
}
