package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Two or more writable servers whose auto-increment settings can hand out the same key: the newest
 * {@code read_only}, {@code auto_increment_increment} and {@code auto_increment_offset} of each
 * selected series. One alert for the whole selection; its value is the number of writable servers.
 */
final class UnsafeWritablePrimariesEvaluator implements RuleEvaluator {

  private record Settings(long nanos, boolean writable, long increment, long offset) {}

  private final Labels alertLabels;
  private final Map<Map<String, String>, Settings> servers = new HashMap<>();

  UnsafeWritablePrimariesEvaluator(AlertRule rule) {
    this.alertLabels = SeriesLabels.of(rule, new TreeMap<>());
  }

  @Override
  public Labels observe(Point point, SeriesKey key, Instant arrival) {
    FieldValue readOnly = point.fields().get("read_only");
    OptionalDouble increment =
        FieldValues.number(point.fields(), List.of("auto_increment_increment"));
    OptionalDouble offset = FieldValues.number(point.fields(), List.of("auto_increment_offset"));
    if (readOnly == null || increment.isEmpty() || offset.isEmpty()) {
      return null;
    }
    long nanos = PointTime.nanos(point, arrival);
    Settings settings =
        new Settings(
            nanos,
            "false".equals(FieldValues.text(readOnly)) || "0".equals(FieldValues.text(readOnly)),
            (long) increment.getAsDouble(),
            (long) offset.getAsDouble());
    servers.merge(point.tags(), settings, (old, now) -> now.nanos() >= old.nanos() ? now : old);
    return alertLabels;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    prune(now);
    Reading reading = reading(now);
    if (reading != null) {
      sink.accept(alertLabels, reading);
    }
  }

  @Override
  public Reading reading(SeriesKey key, Labels labels, Instant now, boolean active) {
    return reading(now);
  }

  private Reading reading(Instant now) {
    long fresh = Point.epochNanos(now.minus(StateEvaluator.STALENESS));
    List<Settings> writable =
        servers.values().stream().filter(s -> s.nanos() >= fresh && s.writable()).toList();
    if (servers.values().stream().noneMatch(s -> s.nanos() >= fresh)) {
      return null;
    }
    return Reading.of(unsafe(writable), writable.size());
  }

  /** Whether these writable servers can generate the same auto-increment value. */
  static boolean unsafe(List<Settings> writable) {
    if (writable.size() < 2) {
      return false;
    }
    Set<Long> residues = new HashSet<>();
    for (Settings server : writable) {
      if (server.increment() < writable.size()) {
        return true;
      }
      if (!residues.add(Math.floorMod(server.offset(), server.increment()))) {
        return true;
      }
    }
    // Different increments interleave unpredictably; only equal steps are known to be safe.
    return writable.stream().map(Settings::increment).distinct().count() > 1;
  }

  /** Forgets servers whose settings are stale: a handful of primaries, walked at each tick. */
  private void prune(Instant now) {
    long oldest = Point.epochNanos(now.minus(StateEvaluator.STALENESS));
    servers.values().removeIf(s -> s.nanos() < oldest);
  }

  @Override
  public Set<Labels> known() {
    return servers.isEmpty() ? Set.of() : Set.of(alertLabels);
  }
}
