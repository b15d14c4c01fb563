package io.newshound.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFoldingTest {
    /** The definition of a word that the scanner implements by hand. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

    @Test
    void foldsCaseAndAccentsOfLatinAndCyrillic() {
        assertThat(TextFolding.tokens("Donbás, DONBAS і Донбас — Віткофф’s 20-point plan"))
                .extracting(TextFolding.Token::folded)
                .containsExactly(
                        "donbas", "donbas", "і", "донбас", "віткофф", "s", "20-point", "plan");
    }

    @Test
    void givesWhereEachWordStands() {
        String text = "Interfax-Ukraine, citing sources";
        List<TextFolding.Token> tokens = TextFolding.tokens(text);
        assertThat(tokens).extracting(TextFolding.Token::start).containsExactly(0, 18, 25);
        assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end()))
                .isEqualTo("Interfax-Ukraine");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "--",
                "a--b - c- -d e-",
                "RFE/RL reported on 12.03, at 5pm",
                "x² and Ⅻ and ½ count as numbers",
                "emoji 🇺🇦 between 𝐛𝐨𝐥𝐝 words",
                "«Він сказав», — zaznaczył rzecznik; 말했다 said the envoy",
                "tab\tnew\nline",
            })
    void splitsWordsAsTheRegularExpressionDoes(String text) {
        List<String> expected = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            expected.add(m.start() + ":" + m.end() + ":" + TextFolding.fold(m.group()));
        }
        assertThat(TextFolding.tokens(text))
                .extracting(t -> t.start() + ":" + t.end() + ":" + t.folded())
                .containsExactlyElementsOf(expected);
    }
}
