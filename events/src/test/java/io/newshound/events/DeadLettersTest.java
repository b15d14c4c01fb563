package io.newshound.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void shouldKeepTheBytesAndSayWhereTheyCameFromAndWhy() {
        byte[] value = "not json".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<byte[], byte[]> letter =
                DeadLetters.letter(
                        "newshound.deadletters",
                        "enrich",
                        "newshound.articles",
                        2,
                        41L,
                        null,
                        value,
                        "not a valid Article: Unrecognized token 'not'");

        assertThat(letter.topic()).isEqualTo("newshound.deadletters");
        assertThat(letter.value()).isEqualTo(value);
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_TOPIC))
                .isEqualTo("newshound.articles");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_PARTITION))
                .isEqualTo("2");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("41");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.SERVICE)).isEqualTo("enrich");
        assertThat(DeadLetters.header(letter.headers(), DeadLetters.REASON))
                .isEqualTo("not a valid Article: Unrecognized token 'not'");
    }

    @Test
    void shouldFlattenAMultiLineReasonIntoOneLine() {
        Exception error =
                new RuntimeException(
                        new SerializationException("not a valid Claim:\n  missing source"));

        assertThat(DeadLetters.reason(error)).isEqualTo("not a valid Claim: missing source");
    }
}
