package io.newshound.events;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A character range {@code [start, end)} in an article's full text; written as {@code [s,e]}. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
