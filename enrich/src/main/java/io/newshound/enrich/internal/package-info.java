/** Enrich's plumbing; not API, may change in any release. */
package io.newshound.enrich.internal;
