package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's decision to mute matching alerts for a while, as an Alertmanager silence.
 *
 * @param id a UUID as text
 * @param matchers the alerts it mutes (all matchers must match)
 * @param startsAt when it starts muting
 * @param endsAt when it stops muting (exclusive); set to the expiry time when expired early
 * @param createdBy who created it
 * @param comment why (a ticket, the planned work)
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment) {

  public Silence {
    Objects.requireNonNull(id, "id");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
  }

  /** A new silence with a random id. */
  public static Silence create(
      List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    return new Silence(
        UUID.randomUUID().toString(), matchers, startsAt, endsAt, createdBy, comment);
  }

  /**
   * Whether it mutes at {@code now}: from {@code startsAt} inclusive to {@code endsAt} exclusive.
   */
  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** Whether it has ended at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(endsAt);
  }

  /** Whether it mutes an alert with {@code labels} at {@code now}. */
  public boolean mutes(Labels labels, Instant now) {
    return activeAt(now) && Matcher.matchesAll(matchers, labels);
  }

  /** This silence ended at {@code now} (a silence not yet started ends before it started). */
  Silence endedAt(Instant now) {
    Instant start = startsAt.isAfter(now) ? now : startsAt;
    return new Silence(id, matchers, start, now, createdBy, comment);
  }
}
