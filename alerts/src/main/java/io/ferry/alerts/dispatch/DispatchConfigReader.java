package io.ferry.alerts.dispatch;

import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the dispatcher's keys of the {@code alerts} section: the one place where their names,
 * defaults and checks live. Every error is a {@link ConfigException} naming file, line and key.
 *
 * <pre>{@code
 * alerts:
 *   route:                          # the root: takes every alert
 *     receiver: ops                 # required; a configured receiver
 *     group_by: [alertname, host]   # "..." alone: every label; default: none (one group)
 *     group_wait: 30s               # default 30s
 *     group_interval: 5m            # default 5m
 *     repeat_interval: 4h           # default 4h
 *     send_resolved: true           # default true
 *     routes:                       # children inherit what they leave out
 *       - matchers: ['severity="page"']   # or match: [severity=page]
 *         receiver: pagerduty
 *         continue: false           # default false: the first matching child wins
 *         routes: []
 *   inhibit_rules:
 *     - source: ['alertname="HostSilent"']
 *       target: ['alertname!="HostSilent"']
 *       equal: [host]
 *   maintenance_windows:
 *     - name: cutover-2025-06-01
 *       start: 2025-06-01T22:00:00Z
 *       end: 2025-06-02T02:00:00Z
 *       matchers: ['alertname=~"ReadOnlyWrongSide|ReplicationDirection.*"']
 *   fallback_receiver: email-ops    # default: none
 *   retry: {initial_backoff: 1s, max_backoff: 1m, max_attempts: 5}
 *   flap: {changes: 4, window: 10m, hold: 5m}
 * }</pre>
 *
 * <p>It checks the keys of the mappings it reads below {@code alerts}; the {@code alerts} section
 * itself holds other readers' keys too, so its caller checks it with {@link
 * ConfigMapping#rejectUnknownKeys()} once every reader has read it.
 */
public final class DispatchConfigReader {

  private static final String INSTANT = "an ISO-8601 instant such as 2025-06-01T22:00:00Z";

  private DispatchConfigReader() {}

  /**
   * Reads the dispatcher's configuration.
   *
   * @param alerts the {@code alerts} section
   * @param receivers the names of the configured receivers
   * @throws ConfigException on a bad or unknown value, naming file, line and key
   */
  public static DispatchConfig read(ConfigMapping alerts, Set<String> receivers) {
    if (!alerts.has("route")) {
      throw alerts.missing("route");
    }
    ConfigMapping routeSection = alerts.mapping("route");
    Route route = readRoute(routeSection, null, receivers);
    routeSection.rejectUnknownKeys();

    List<InhibitRule> inhibitRules = new ArrayList<>();
    for (ConfigMapping rule : alerts.mappingList("inhibit_rules")) {
      inhibitRules.add(
          new InhibitRule(
              requiredMatchers(rule, "source"),
              requiredMatchers(rule, "target"),
              rule.stringList("equal", List.of())));
      rule.rejectUnknownKeys();
    }

    List<MaintenanceWindow> windows = new ArrayList<>();
    Set<String> windowNames = new HashSet<>();
    for (ConfigMapping window : alerts.mappingList("maintenance_windows")) {
      windows.add(readWindow(window, windowNames));
      window.rejectUnknownKeys();
    }

    Optional<String> fallback = alerts.string("fallback_receiver").filter(s -> !s.isBlank());
    fallback.ifPresent(name -> checkReceiver(alerts, "fallback_receiver", name, receivers));

    ConfigMapping retrySection = alerts.mapping("retry");
    RetryPolicy retry = readRetry(retrySection);
    retrySection.rejectUnknownKeys();

    ConfigMapping flapSection = alerts.mapping("flap");
    FlapDamping flap =
        new FlapDamping(
            flapSection.integer("changes", FlapDamping.DEFAULT_CHANGES, 1, 1000),
            flapSection.duration("window", FlapDamping.DEFAULT_WINDOW),
            flapSection.duration("hold", FlapDamping.DEFAULT_HOLD));
    flapSection.rejectUnknownKeys();

    return new DispatchConfig(route, inhibitRules, windows, fallback, retry, flap);
  }

  private static Route readRoute(ConfigMapping section, Route parent, Set<String> receivers) {
    Route.Builder builder;
    if (parent == null) {
      builder = Route.builder(section.requiredString("receiver"));
    } else {
      builder = parent.childBuilder();
      section.string("receiver").filter(s -> !s.isBlank()).ifPresent(builder::receiver);
      builder.matchers(matchers(section, "match")).matchers(matchers(section, "matchers"));
      builder.continueMatching(section.bool("continue", false));
    }
    Route defaults = builder.build();
    checkReceiver(section, "receiver", defaults.receiver(), receivers);
    List<String> groupBy = section.stringList("group_by", defaults.groupBy());
    if (groupBy.contains(Route.GROUP_BY_ALL) && groupBy.size() > 1) {
      throw section.problem(
          "group_by", "\"" + Route.GROUP_BY_ALL + "\" means every label: list it alone");
    }
    builder
        .groupBy(groupBy)
        .groupWait(section.duration("group_wait", defaults.groupWait()))
        .groupInterval(section.duration("group_interval", defaults.groupInterval()))
        .repeatInterval(section.duration("repeat_interval", defaults.repeatInterval()))
        .sendResolved(section.bool("send_resolved", defaults.sendResolved()));
    Route withoutChildren = builder.build();
    for (ConfigMapping child : section.mappingList("routes")) {
      builder.route(readRoute(child, withoutChildren, receivers));
    }
    return builder.build();
  }

  private static MaintenanceWindow readWindow(ConfigMapping window, Set<String> names) {
    String name = window.requiredString("name");
    if (!names.add(name)) {
      throw window.problem("name", "another maintenance window is already named " + name);
    }
    Instant start =
        window
            .parsed("start", INSTANT, DispatchConfigReader::instant)
            .orElseThrow(() -> window.missing("start"));
    Instant end =
        window
            .parsed("end", INSTANT, DispatchConfigReader::instant)
            .orElseThrow(() -> window.missing("end"));
    if (!end.isAfter(start)) {
      throw window.problem("end", "must be after start (" + start + ")");
    }
    return new MaintenanceWindow(name, start, end, requiredMatchers(window, "matchers"));
  }

  private static RetryPolicy readRetry(ConfigMapping retry) {
    Duration initial = retry.duration("initial_backoff", RetryPolicy.DEFAULT_INITIAL_BACKOFF);
    Duration max = retry.duration("max_backoff", RetryPolicy.DEFAULT_MAX_BACKOFF);
    if (max.compareTo(initial) < 0) {
      throw retry.problem("max_backoff", "must be at least initial_backoff (" + initial + ")");
    }
    int attempts = retry.integer("max_attempts", RetryPolicy.DEFAULT_MAX_ATTEMPTS, 1, 100);
    return new RetryPolicy(initial, max, attempts);
  }

  private static List<Matcher> requiredMatchers(ConfigMapping section, String key) {
    List<Matcher> matchers = matchers(section, key);
    if (matchers.isEmpty()) {
      throw section.problem(key, "list at least one matcher, such as alertname=\"HostSilent\"");
    }
    return matchers;
  }

  private static List<Matcher> matchers(ConfigMapping section, String key) {
    List<String> texts = section.stringList(key, List.of());
    List<Matcher> matchers = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        matchers.add(Matcher.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw section.problem(key, "item " + (i + 1) + ": " + e.getMessage());
      }
    }
    return matchers;
  }

  private static void checkReceiver(
      ConfigMapping section, String key, String name, Set<String> receivers) {
    if (!receivers.contains(name)) {
      throw section.problem(
          key,
          "unknown receiver \""
              + name
              + "\" (configured receivers: "
              + String.join(", ", new TreeSet<>(receivers))
              + ")");
    }
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
