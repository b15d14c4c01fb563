/**
 * What every Newshound service serves to its operators: Prometheus metrics and health over HTTP.
 */
package io.newshound.ops;
