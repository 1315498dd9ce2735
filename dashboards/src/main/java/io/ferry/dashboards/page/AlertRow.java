package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * One active alert.
 *
 * @param name the rule's name
 * @param severity its severity
 * @param labels its labels as {@code name="value"} pairs
 * @param summary the rendered summary
 * @param status {@code firing} or {@code pending}
 * @param since when it started firing (or pending)
 * @param value the deciding value, or null
 * @param silencedBy the id of the silence muting it, or null
 */
public record AlertRow(
    String name,
    String severity,
    String labels,
    String summary,
    String status,
    Instant since,
    Double value,
    String silencedBy) {}
