package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who stands behind a claim. */
public enum SourceType {
    /** A news organisation: "Bloomberg reports". */
    OUTLET,
    /** Someone speaking for an office: "Foreign Minister Sergei Lavrov said". */
    OFFICIAL,
    /** A named person without an office: "analyst Jane Roe said". */
    PERSON,
    /** A government, body or company stating a position: "the Kremlin insists". */
    ORGANIZATION,
    /** Unnamed sources: "people familiar with the matter". */
    ANONYMOUS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
