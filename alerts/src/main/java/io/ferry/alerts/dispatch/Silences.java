package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The silences, active, pending and expired: expired ones are kept for {@link #RETENTION} as
 * history, then dropped. Thread-safe: the host's API adds and expires silences while the dispatcher
 * reads them.
 */
public final class Silences {

  /** How long an expired silence is kept as history: 5 days, Alertmanager's data retention. */
  public static final Duration RETENTION = Duration.ofDays(5);

  private final Map<String, Silence> byId = new LinkedHashMap<>();

  /** An empty store. */
  public Silences() {}

  /** A store holding {@code silences} (from a snapshot), not validated again. */
  public Silences(Collection<Silence> silences) {
    silences.forEach(silence -> byId.put(silence.id(), silence));
  }

  /**
   * Adds a silence, or replaces the one with the same id.
   *
   * @throws IllegalArgumentException when it has no matcher, does not end after it starts, has no
   *     author or no comment, or its id is not a UUID
   */
  public synchronized Silence add(Silence silence) {
    try {
      UUID.fromString(silence.id());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a silence id must be a UUID: " + silence.id(), e);
    }
    if (silence.matchers().isEmpty()) {
      throw new IllegalArgumentException("a silence needs at least one matcher");
    }
    if (!silence.endsAt().isAfter(silence.startsAt())) {
      throw new IllegalArgumentException("a silence must end after it starts");
    }
    if (isBlank(silence.createdBy())) {
      throw new IllegalArgumentException("a silence needs its author (createdBy)");
    }
    if (isBlank(silence.comment())) {
      throw new IllegalArgumentException("a silence needs a comment saying why");
    }
    byId.put(silence.id(), silence);
    return silence;
  }

  /**
   * Ends the silence {@code id} at {@code now}; it stays listed as history.
   *
   * @return the expired silence, empty when there is none with this id or it had already ended
   */
  public synchronized Optional<Silence> expire(String id, Instant now) {
    Silence silence = byId.get(id);
    if (silence == null || silence.expiredAt(now)) {
      return Optional.empty();
    }
    Silence expired = silence.endedAt(now);
    byId.put(id, expired);
    return Optional.of(expired);
  }

  /** The silence {@code id}, if known. */
  public synchronized Optional<Silence> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every silence known, active, pending or expired, in the order they were added. */
  public synchronized List<Silence> list() {
    return List.copyOf(byId.values());
  }

  /** Whether an active silence mutes an alert with {@code labels} at {@code now}. */
  public synchronized boolean isSilenced(Labels labels, Instant now) {
    return silencing(labels, now).isPresent();
  }

  /** An active silence that mutes an alert with {@code labels} at {@code now}, if any. */
  public synchronized Optional<Silence> silencing(Labels labels, Instant now) {
    return byId.values().stream().filter(silence -> silence.mutes(labels, now)).findFirst();
  }

  /** Drops silences that ended more than {@link #RETENTION} before {@code now}. */
  public synchronized void dropOld(Instant now) {
    Instant cutoff = now.minus(RETENTION);
    byId.values().removeIf(silence -> silence.endsAt().isBefore(cutoff));
  }

  synchronized void replaceAll(Collection<Silence> silences) {
    byId.clear();
    silences.forEach(silence -> byId.put(silence.id(), silence));
  }

  synchronized List<Silence> snapshot() {
    return new ArrayList<>(byId.values());
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
