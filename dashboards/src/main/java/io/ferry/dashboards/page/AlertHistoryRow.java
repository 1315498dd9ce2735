package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * One status change of an alert (measurement {@code ferry_alert}).
 *
 * @param at when it changed
 * @param name the rule's name
 * @param status the new status
 * @param previous the status before
 * @param labels the other labels
 * @param summary the summary then
 */
public record AlertHistoryRow(
    Instant at, String name, String status, String previous, String labels, String summary) {}
