package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * One silence.
 *
 * @param id its id
 * @param matchers its matchers as written
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param createdBy who created it
 * @param comment why
 * @param active whether it mutes now (an expired one can no longer be expired)
 */
public record SilenceRow(
    String id,
    String matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    boolean active) {}
