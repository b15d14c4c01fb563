/**
 * Sourced claims: who claims what in an article's text, and whether a claim repeats an earlier one.
 */
package io.newshound.enrich.claims;
