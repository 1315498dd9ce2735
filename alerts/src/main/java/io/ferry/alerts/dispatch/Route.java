package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A node of the routing tree, as in Alertmanager: which alerts it takes (matchers), who is told
 * (receiver), how alerts are grouped and how often a group is notified. An alert walks the tree
 * from the root: among a node's children the first that matches takes it, unless that child has
 * {@code continue} set, in which case the following children are tried too; a node none of whose
 * children match takes the alert itself. Children inherit every setting they leave out from their
 * parent (the config reader does that).
 *
 * @param matchers the alerts this route takes; none means all
 * @param receiver the receiver's name
 * @param groupBy label names whose values make a group; {@value #GROUP_BY_ALL} alone means every
 *     label (one group per alert); empty means one group for all the route's alerts
 * @param groupWait how long a new group waits for more alerts before its first notification
 * @param groupInterval how long after a notification a changed group is notified again
 * @param repeatInterval how long after a notification an unchanged firing group is notified again
 * @param sendResolved whether resolved alerts are announced
 * @param continueMatching whether the siblings after this route are tried when it matched
 * @param routes the child routes
 */
public record Route(
    List<Matcher> matchers,
    String receiver,
    List<String> groupBy,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    boolean sendResolved,
    boolean continueMatching,
    List<Route> routes) {

  /** Alertmanager's {@code group_wait} default: 30 seconds. */
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);

  /** Alertmanager's {@code group_interval} default: 5 minutes. */
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);

  /** Alertmanager's {@code repeat_interval} default: 4 hours. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  /** {@code send_resolved} default: resolved alerts are announced. */
  public static final boolean DEFAULT_SEND_RESOLVED = true;

  /** The {@code group_by} entry that means "group by every label". */
  public static final String GROUP_BY_ALL = "...";

  /** The key of the root route, as its path in the configuration file. */
  public static final String ROOT_KEY = "route";

  public Route {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(receiver, "receiver");
    groupBy = List.copyOf(groupBy);
    requirePositive(groupWait, "groupWait");
    requirePositive(groupInterval, "groupInterval");
    requirePositive(repeatInterval, "repeatInterval");
    routes = List.copyOf(routes);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }

  /** A builder for a route to {@code receiver} with the defaults. */
  public static Builder builder(String receiver) {
    return new Builder(receiver);
  }

  /** A builder for a child of this route: every setting inherited, no matchers, no children. */
  public Builder childBuilder() {
    return new Builder(receiver)
        .groupBy(groupBy)
        .groupWait(groupWait)
        .groupInterval(groupInterval)
        .repeatInterval(repeatInterval)
        .sendResolved(sendResolved);
  }

  /**
   * The routes that take an alert with {@code labels}, each with its key (its path in the
   * configuration, e.g. {@code route.routes[1]}); empty when this route does not match.
   */
  public List<Matched> match(Labels labels) {
    return match(labels, ROOT_KEY);
  }

  private List<Matched> match(Labels labels, String key) {
    if (!Matcher.matchesAll(matchers, labels)) {
      return List.of();
    }
    List<Matched> all = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      Route child = routes.get(i);
      List<Matched> matched = child.match(labels, key + ".routes[" + i + "]");
      all.addAll(matched);
      if (!matched.isEmpty() && !child.continueMatching) {
        break;
      }
    }
    if (all.isEmpty()) {
      all.add(new Matched(key, this));
    }
    return List.copyOf(all);
  }

  /** The route with {@code key} in this tree (this route being the root), or null. */
  public Route find(String key) {
    if (key.equals(ROOT_KEY)) {
      return this;
    }
    if (!key.startsWith(ROOT_KEY + ".routes[")) {
      return null;
    }
    Route node = this;
    for (String step : key.substring(ROOT_KEY.length() + 1).split("\\.")) {
      if (!step.startsWith("routes[") || !step.endsWith("]")) {
        return null;
      }
      int index;
      try {
        index = Integer.parseInt(step.substring("routes[".length(), step.length() - 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (index < 0 || index >= node.routes.size()) {
        return null;
      }
      node = node.routes.get(index);
    }
    return node;
  }

  /** Every receiver name used in this tree. */
  public List<String> receivers() {
    List<String> names = new ArrayList<>();
    names.add(receiver);
    routes.forEach(child -> names.addAll(child.receivers()));
    return names;
  }

  /** The labels that make {@code labels}' group on this route. */
  public Labels groupLabels(Labels labels) {
    return groupBy.contains(GROUP_BY_ALL) ? labels : labels.only(groupBy);
  }

  /**
   * A route that took an alert.
   *
   * @param key the route's path in the configuration, stable across restarts while the
   *     configuration does not change
   * @param route the route
   */
  public record Matched(String key, Route route) {}

  /** Builds a {@link Route}; every setting starts at its default. */
  public static final class Builder {
    private final List<Matcher> matchers = new ArrayList<>();
    private String receiver;
    private List<String> groupBy = List.of();
    private Duration groupWait = DEFAULT_GROUP_WAIT;
    private Duration groupInterval = DEFAULT_GROUP_INTERVAL;
    private Duration repeatInterval = DEFAULT_REPEAT_INTERVAL;
    private boolean sendResolved = DEFAULT_SEND_RESOLVED;
    private boolean continueMatching;
    private final List<Route> routes = new ArrayList<>();

    private Builder(String receiver) {
      this.receiver = receiver;
    }

    public Builder receiver(String receiver) {
      this.receiver = receiver;
      return this;
    }

    public Builder matchers(List<Matcher> matchers) {
      this.matchers.addAll(matchers);
      return this;
    }

    public Builder matcher(String text) {
      matchers.add(Matcher.parse(text));
      return this;
    }

    public Builder groupBy(List<String> groupBy) {
      this.groupBy = List.copyOf(groupBy);
      return this;
    }

    public Builder groupBy(String... labelNames) {
      return groupBy(List.of(labelNames));
    }

    public Builder groupWait(Duration groupWait) {
      this.groupWait = groupWait;
      return this;
    }

    public Builder groupInterval(Duration groupInterval) {
      this.groupInterval = groupInterval;
      return this;
    }

    public Builder repeatInterval(Duration repeatInterval) {
      this.repeatInterval = repeatInterval;
      return this;
    }

    public Builder sendResolved(boolean sendResolved) {
      this.sendResolved = sendResolved;
      return this;
    }

    public Builder continueMatching(boolean continueMatching) {
      this.continueMatching = continueMatching;
      return this;
    }

    public Builder route(Route child) {
      routes.add(child);
      return this;
    }

    public Route build() {
      return new Route(
          matchers,
          receiver,
          groupBy,
          groupWait,
          groupInterval,
          repeatInterval,
          sendResolved,
          continueMatching,
          routes);
    }
  }
}
