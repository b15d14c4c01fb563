package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why an article was judged a duplicate of an earlier one. */
public enum DuplicateKind {
    /** The same canonical URL was seen before. */
    SAME_ID,
    /** The same GUID was seen before. */
    SAME_GUID,
    /** The same body, after normalization, was seen before. */
    SAME_BODY,
    /** A near-duplicate: a lightly edited or boilerplate-wrapped copy. */
    NEAR;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
