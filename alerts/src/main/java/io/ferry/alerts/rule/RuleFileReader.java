package io.ferry.alerts.rule;

import io.ferry.alerts.Severity;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads rule files: the one place where the keys, defaults and checks of a rule live. Every error
 * is a {@link ConfigException} naming the file, the line and the key, with a suggestion for a
 * mistyped key. The format is described in {@code docs/alerts.md}; in short:
 *
 * <pre>
 * rules:
 *   - name: ReplicationLagHigh
 *     severity: page              # page, ticket, warning (default) or info
 *     measurement: mysql_replication
 *     where: {role: replica}      # tags that must match
 *     threshold: {fields: [heartbeat_lag_seconds, lag_seconds], aggregate: max, window: 1m,
 *                 above: 30, clear: 10}
 *     for: 2m
 *     labels: {team: dba}
 *     summary: "Replication lag {{value}}s on {{host}}"
 *     runbook: https://wiki.example.com/runbooks/replication-lag
 * </pre>
 */
public final class RuleFileReader {

  /** Default of {@code for}: zero, the alert fires as soon as its condition holds. */
  public static final Duration DEFAULT_FOR = Duration.ZERO;

  /** Default of a threshold's {@code window}: 1 minute. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  /** Default of a threshold's {@code aggregate}: the newest value. */
  public static final Aggregate DEFAULT_AGGREGATE = Aggregate.LAST;

  /** Default severity: warning. */
  public static final Severity DEFAULT_SEVERITY = Severity.WARNING;

  private static final List<String> KINDS =
      List.of("threshold", "state", "absence", "unsafe_writable_primaries", "slo_burn");

  private final YamlConfigReader reader;

  /** A reader that resolves {@code ${NAME}} from the process environment. */
  public RuleFileReader() {
    this(name -> Optional.ofNullable(System.getenv(name)));
  }

  /** A reader that resolves {@code ${NAME}} with {@code environment}. */
  public RuleFileReader(Environment environment) {
    this.reader = new YamlConfigReader(environment);
  }

  /** Reads one rule file. */
  public List<AlertRule> read(Path file) {
    Path base = file.toAbsolutePath().getParent();
    return rules(reader.read(file), file.toString(), base);
  }

  /** Reads every file, checking that rule names are unique across them. */
  public List<AlertRule> readAll(List<Path> files) {
    List<AlertRule> all = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (Path file : files) {
      for (AlertRule rule : read(file)) {
        String other = seen.putIfAbsent(rule.name(), rule.file());
        if (other != null) {
          throw ConfigException.ofFile(
              file.toString(), "rule " + rule.name() + " is already defined in " + other);
        }
        all.add(rule);
      }
    }
    return List.copyOf(all);
  }

  /** Reads rule text, for tests and for the rule-test runner. */
  public List<AlertRule> parse(String yaml, String fileLabel, Path baseDir) {
    return rules(reader.parse(yaml, fileLabel, baseDir), fileLabel, baseDir);
  }

  /** Reads the rules of an already parsed mapping that has a {@code rules} list. */
  public static List<AlertRule> rules(ConfigMapping root, String fileLabel, Path baseDir) {
    List<AlertRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigMapping entry : root.mappingList("rules")) {
      AlertRule rule = rule(entry, fileLabel, baseDir);
      if (!names.add(rule.name())) {
        throw entry.problem("name", "another rule in this file is already named " + rule.name());
      }
      rules.add(rule);
    }
    root.rejectUnknownKeys();
    return List.copyOf(rules);
  }

  private static AlertRule rule(ConfigMapping entry, String fileLabel, Path baseDir) {
    String name = entry.requiredString("name");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw entry.problem("name", "use letters, digits and _ only (it becomes a label value)");
    }
    Severity severity =
        entry.parsed(
            "severity",
            DEFAULT_SEVERITY,
            "page, ticket, warning or info",
            Severity::fromConfigName);
    List<String> kinds = KINDS.stream().filter(entry::has).toList();
    if (kinds.size() != 1) {
      throw entry.problem(
          kinds.isEmpty() ? "name" : kinds.get(1),
          kinds.isEmpty()
              ? "rule " + name + " needs one of " + String.join(", ", KINDS)
              : "rule " + name + " has both " + kinds.get(0) + " and " + kinds.get(1));
    }
    String kind = kinds.get(0);
    Condition condition =
        switch (kind) {
          case "threshold" -> threshold(entry.mapping(kind));
          case "state" -> state(entry.mapping(kind));
          case "absence" -> absence(entry.mapping(kind), baseDir);
          case "unsafe_writable_primaries" -> {
            entry.mapping(kind).rejectUnknownKeys();
            yield new Condition.UnsafeWritablePrimaries();
          }
          default -> sloBurn(entry.mapping(kind));
        };
    String measurement = entry.string("measurement", "");
    Duration forDuration = Durations.atLeastZero(entry, "for", DEFAULT_FOR);
    Set<Phase> phases = new LinkedHashSet<>();
    for (String phase : entry.stringList("phases", List.of())) {
      phases.add(
          Phase.fromConfigName(phase)
              .orElseThrow(() -> entry.problem("phases", "expected pre or post, got " + phase)));
    }
    Map<String, String> labels = entry.stringMap("labels");
    for (String label : labels.keySet()) {
      if (!label.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw entry.problem("labels", "label name " + label + ": use letters, digits and _");
      }
    }
    Map<String, String> where = entry.stringMap("where");
    String summary = entry.string("summary", name);
    String description = entry.string("description", "");
    String runbook = entry.string("runbook", "");
    // Unknown keys first: a misspelt "measurment" is reported as such, not as a missing key.
    entry.rejectUnknownKeys();
    if (measurement.isEmpty() && !(condition instanceof Condition.SloBurn)) {
      throw entry.problem("measurement", "is required: the measurement the rule looks at");
    }
    AlertRule rule =
        new AlertRule(
            name,
            severity,
            new SeriesSelector(measurement, where),
            condition,
            forDuration,
            labels,
            summary,
            description,
            runbook,
            phases,
            fileLabel);
    return rule;
  }

  /** Fails on a misspelt key before any check of a missing one can hide it. */
  private static void knownKeysOnly(ConfigMapping mapping, String... keys) {
    for (String key : keys) {
      mapping.has(key);
    }
    mapping.rejectUnknownKeys();
  }

  private static Condition threshold(ConfigMapping threshold) {
    knownKeysOnly(
        threshold,
        "field",
        "fields",
        "aggregate",
        "percentile",
        "predict",
        "window",
        "above",
        "below",
        "clear");
    List<String> fields = threshold.stringList("fields", List.of());
    if (threshold.has("field")) {
      if (!fields.isEmpty()) {
        throw threshold.problem("field", "set either field or fields, not both");
      }
      fields = List.of(threshold.requiredString("field"));
    }
    if (fields.isEmpty()) {
      throw threshold.problem("field", "is required: the field to compare");
    }
    Aggregate aggregate =
        threshold.parsed(
            "aggregate",
            DEFAULT_AGGREGATE,
            "last, avg, min, max, percentile or predict_linear",
            Aggregate::fromConfigName);
    double percentile = number(threshold, "percentile").orElse(Double.NaN);
    if (aggregate == Aggregate.PERCENTILE && !(percentile > 0 && percentile <= 100)) {
      throw threshold.problem("percentile", "is required with aggregate percentile, in (0, 100]");
    }
    Duration predict = threshold.duration("predict", Duration.ZERO);
    if (aggregate == Aggregate.PREDICT_LINEAR && (predict.isZero() || predict.isNegative())) {
      throw threshold.problem("predict", "is required with predict_linear: how far ahead, e.g. 4h");
    }
    Duration window = threshold.duration("window", DEFAULT_WINDOW);
    if (window.isZero() || window.isNegative()) {
      throw threshold.problem("window", "must be longer than 0s");
    }
    OptionalDouble above = number(threshold, "above");
    OptionalDouble below = number(threshold, "below");
    if (above.isPresent() == below.isPresent()) {
      throw threshold.problem(
          above.isPresent() ? "below" : "above", "set exactly one of above and below");
    }
    boolean isAbove = above.isPresent();
    double limit = isAbove ? above.getAsDouble() : below.getAsDouble();
    OptionalDouble clear = number(threshold, "clear");
    if (clear.isPresent()
        && (isAbove ? clear.getAsDouble() > limit : clear.getAsDouble() < limit)) {
      throw threshold.problem(
          "clear",
          "must be "
              + (isAbove ? "at most above" : "at least below")
              + " ("
              + limit
              + "), so that a cleared alert is no longer active");
    }
    threshold.rejectUnknownKeys();
    return new Condition.Threshold(
        fields, aggregate, percentile, predict, window, isAbove, limit, clear);
  }

  private static Condition state(ConfigMapping state) {
    knownKeysOnly(state, "field", "values");
    String field = state.requiredString("field");
    List<String> values = state.stringList("values", List.of());
    if (values.isEmpty()) {
      throw state.problem("values", "is required: the values that make the alert active");
    }
    state.rejectUnknownKeys();
    return new Condition.State(field, new LinkedHashSet<>(values));
  }

  private static Condition absence(ConfigMapping absence, Path baseDir) {
    knownKeysOnly(absence, "after", "group_by", "expected", "expected_file");
    Duration after = absence.duration("after", Duration.ofMinutes(2));
    if (after.isZero() || after.isNegative()) {
      throw absence.problem("after", "must be longer than 0s");
    }
    List<String> groupBy = absence.stringList("group_by", List.of("host"));
    List<Map<String, String>> expected = new ArrayList<>();
    List<String> names = new ArrayList<>(absence.stringList("expected", List.of()));
    Optional<String> file = absence.string("expected_file");
    if (file.isPresent()) {
      Path path = baseDir == null ? Path.of(file.get()) : baseDir.resolve(file.get());
      try {
        for (String line : Files.readAllLines(path)) {
          String trimmed = line.strip();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            names.add(trimmed);
          }
        }
      } catch (IOException e) {
        throw absence.problem("expected_file", "cannot read " + path + ": " + e.getMessage());
      }
    }
    if (!names.isEmpty() && groupBy.size() != 1) {
      throw absence.problem(
          "expected", "an expected inventory needs exactly one group_by tag, such as host");
    }
    for (String name : names) {
      expected.add(Map.of(groupBy.get(0), name));
    }
    absence.rejectUnknownKeys();
    return new Condition.Absence(after, groupBy, expected);
  }

  private static Condition sloBurn(ConfigMapping sloBurn) {
    String slo = sloBurn.string("slo", "*");
    sloBurn.rejectUnknownKeys();
    return new Condition.SloBurn(slo);
  }

  private static OptionalDouble number(ConfigMapping mapping, String key) {
    return mapping
        .parsed(key, "a number", RuleFileReader::parseNumber)
        .map(OptionalDouble::of)
        .orElse(OptionalDouble.empty());
  }

  private static Optional<Double> parseNumber(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      // durations such as 30s are accepted where a number of seconds is meant
      return ConfigUnits.parseDuration(text.strip()).map(d -> d.toNanos() / 1e9);
    }
  }
}
