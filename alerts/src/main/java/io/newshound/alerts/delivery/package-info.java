/** Alert channels: where an alert is delivered and how it reads there. */
package io.newshound.alerts.delivery;
