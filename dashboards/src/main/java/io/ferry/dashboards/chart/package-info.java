/**
 * Chart rendering with JFreeChart: chart specifications as records, rendered to PNG bytes off the
 * event loop by the caller. Nothing here knows where the numbers come from.
 */
package io.ferry.dashboards.chart;
