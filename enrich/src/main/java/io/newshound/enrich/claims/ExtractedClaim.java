package io.newshound.enrich.claims;

import io.newshound.events.SourceType;
import io.newshound.events.Span;

/**
 * A claim as found in one text, before any novelty decision.
 *
 * @param source who makes it, as written, or the earlier source a back-reference points to
 * @param sourceType what kind of source that is
 * @param relayedBy the outlet relaying an anonymous or cited source, or null
 * @param cue the reporting verb or phrase
 * @param content what is claimed, without quotation marks
 * @param quote whether the content is a direct quote
 * @param denial whether the claim denies something
 * @param sourceSpan where the source phrase stands in the text
 * @param cueSpan where the cue stands
 * @param contentSpan where the content stands
 */
public record ExtractedClaim(
        String source,
        SourceType sourceType,
        String relayedBy,
        String cue,
        String content,
        boolean quote,
        boolean denial,
        Span sourceSpan,
        Span cueSpan,
        Span contentSpan) {

    /**
     * This claim with its content widened to a quotation read as {@code quoted} at {@code span}.
     */
    ExtractedClaim quoting(String quoted, Span span) {
        return new ExtractedClaim(
                source,
                sourceType,
                relayedBy,
                cue,
                quoted,
                true,
                denial,
                sourceSpan,
                cueSpan,
                span);
    }

    /**
     * This claim with its content ending before {@code at} (where a second claim of the sentence
     * begins), or null when too little would be left.
     */
    /** Where the first of its source, cue and content starts. */
    int firstOffset() {
        return Math.min(sourceSpan.start(), Math.min(cueSpan.start(), contentSpan.start()));
    }

    /** Where the last of its source, cue and content ends. */
    int lastOffset() {
        return Math.max(sourceSpan.end(), Math.max(cueSpan.end(), contentSpan.end()));
    }

    ExtractedClaim cutAt(String text, int at) {
        int end = Math.min(at, contentSpan.end());
        while (end > contentSpan.start() && ",;:”\"' ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        // "… the trade agreement and | called for …": the joining word goes with the cut.
        for (String joint : new String[] {" and", " but"}) {
            if (end - contentSpan.start() > joint.length()
                    && text.startsWith(joint, end - joint.length())) {
                end -= joint.length();
                while (end > contentSpan.start() && ", ".indexOf(text.charAt(end - 1)) >= 0) {
                    end--;
                }
                break;
            }
        }
        if (end - contentSpan.start() < 4) { // "claimed vast wealth | and said …" keeps a word
            return null;
        }
        Span span = new Span(contentSpan.start(), end);
        return new ExtractedClaim(
                source,
                sourceType,
                relayedBy,
                cue,
                text.substring(span.start(), span.end()),
                quote,
                denial,
                sourceSpan,
                cueSpan,
                span);
    }
}
