package io.newshound.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads RSS and Atom feeds with Rome. Doctypes are refused, so no entity expansion can blow up
 * memory.
 */
public final class FeedParser {
    static {
        // Atom links relative to xml:base (or the feed's own address) are resolved by Rome
        // only when asked; the setting is global, and every parser in the JVM wants it.
        Atom10Parser.setResolveURIs(true);
    }

    private static final Pattern FRACTION = Pattern.compile("(T\\d{2}:\\d{2}:\\d{2}\\.\\d{3})\\d+");

    /**
     * Parses {@code body}; the charset comes from {@code contentType}, the XML prolog or a BOM.
     *
     * @param feedUri the feed's address, against which relative links are resolved
     * @throws FeedParseException when the bytes are not a readable feed
     */
    public ParsedFeed parse(byte[] body, String contentType, URI feedUri)
            throws FeedParseException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = input.build(new StringReader(withMillisecondFractions(readAll(reader))));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable feed: " + oneLine(e), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            FeedEntry mapped = toEntry(entry, feedUri);
            if (mapped != null) {
                entries.add(mapped);
            }
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), entries);
    }

    /**
     * Rome reads every digit of a fractional second as milliseconds, so "…:00.380123Z" lands six
     * minutes late; feeds that write microseconds or nanoseconds are cut to milliseconds first.
     */
    static String withMillisecondFractions(String xml) {
        return FRACTION.matcher(xml).replaceAll("$1");
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    /** The one place Rome's mutable entry becomes our record; null when it has no identity. */
    private static FeedEntry toEntry(SyndEntry entry, URI feedUri) {
        String link = absolute(feedUri, entry.getLink());
        String id = blankToNull(entry.getUri());
        if (id == null) {
            id = link;
        }
        if (id == null) {
            return null;
        }
        Date date =
                entry.getPublishedDate() != null
                        ? entry.getPublishedDate()
                        : entry.getUpdatedDate();
        String content = null;
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = plainText(c.getValue());
                break;
            }
        }
        SyndContent description = entry.getDescription();
        return new FeedEntry(
                id,
                plainText(entry.getTitle()),
                link,
                date == null ? null : Instant.ofEpochMilli(date.getTime()),
                blankToNull(entry.getAuthor()),
                description == null ? null : plainText(description.getValue()),
                content);
    }

    private static String absolute(URI base, String link) {
        String trimmed = blankToNull(link);
        if (trimmed == null) {
            return null;
        }
        try {
            return base.resolve(trimmed.strip()).toString();
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    /** Feed fields often hold HTML or entities; this keeps their text and paragraph breaks. */
    static String plainText(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        var doc = Jsoup.parseBodyFragment(html);
        doc.select("br").after("\\n");
        doc.select("p, div, li, h1, h2, h3, h4, blockquote").prepend("\\n\\n");
        String text = doc.text().replace("\\n", "\n");
        return text.replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
