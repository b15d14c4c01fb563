/** Duplicate detection: the same article reached twice, or the same body under another URL. */
package io.newshound.enrich.dedup;
