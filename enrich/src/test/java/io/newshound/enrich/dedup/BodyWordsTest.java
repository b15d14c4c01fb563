package io.newshound.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.enrich.topics.TextFolding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BodyWordsTest {
    static final String MIXED =
            "Envoys met in Genève on Monday; the 20-point plan (version 3) was read aloud. "
                    + "Делегації обговорили план у Женеві, сказали ДЖЕРЕЛА. Naïve CAFÉ-owners "
                    + "said nothing — “no comment”, they wrote, in 2026's first week. "
                    + Texts.STORY;

    @Test
    void shouldHashEachWordAsItsFoldedTokenHashes() {
        List<TextFolding.Token> tokens = TextFolding.tokens(MIXED);

        int[] hashes = BodyWords.of(MIXED).hashes();

        assertThat(hashes)
                .containsExactly(tokens.stream().mapToInt(t -> t.folded().hashCode()).toArray());
    }

    @Test
    void shouldFingerprintABodyAsTheDigestOfItsFoldedTokensJoined() throws Exception {
        String joined =
                TextFolding.tokens(MIXED).stream()
                        .map(TextFolding.Token::folded)
                        .collect(Collectors.joining(" "));
        byte[] digest =
                MessageDigest.getInstance("SHA-256")
                        .digest(joined.getBytes(StandardCharsets.UTF_8));

        assertThat(BodyWords.of(MIXED).fingerprint())
                .contains(HexFormat.of().formatHex(digest, 0, 16));
    }

    @Test
    void shouldGiveNoFingerprintToABodyTooShortToCompare() {
        assertThat(BodyWords.of("Talks resumed on Monday, officials said.").fingerprint())
                .isEmpty();
    }
}
