/**
 * Alerts: routes new claims to the alerts topic and delivers each alert to the configured channels.
 *
 * <p>Public: {@link io.newshound.alerts.AlertsApp} (the service), {@link
 * io.newshound.alerts.AlertRouter} (its routing topology), {@link io.newshound.alerts.AlertsConfig}
 * and {@link io.newshound.alerts.AlertsMetrics}.
 */
package io.newshound.alerts;
