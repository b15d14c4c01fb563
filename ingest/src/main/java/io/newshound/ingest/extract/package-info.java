/** Main-text extraction from article pages with Jsoup. */
package io.newshound.ingest.extract;
