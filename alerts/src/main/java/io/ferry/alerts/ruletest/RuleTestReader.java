package io.ferry.alerts.ruletest;

import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Durations;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.rule.RuleFileReader;
import io.ferry.alerts.slo.SloConfigReader;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a rule test file, the way {@code promtool test rules} files are written: the rule files
 * under test, then test cases made of input series (line protocol repeated over a span of time) and
 * the alerts expected at given times. See {@code docs/alerts.md} for the format.
 */
public final class RuleTestReader {

  /** Default of {@code evaluation_interval}: 10 seconds, the agents' default interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  /** Marks a line without timestamp: no real line is stamped at the earliest possible time. */
  private static final long NO_TIMESTAMP = Long.MIN_VALUE;

  private final YamlConfigReader reader =
      new YamlConfigReader(name -> Optional.ofNullable(System.getenv(name)));

  /** Reads {@code file}; rule files it names are resolved against its folder. */
  public RuleTestSuite read(Path file) {
    ConfigMapping root = reader.read(file);
    Path base = file.toAbsolutePath().getParent();
    List<Path> ruleFiles =
        root.stringList("rule_files", List.of()).stream().map(base::resolve).toList();
    if (ruleFiles.isEmpty()) {
      throw root.problem("rule_files", "is required: the rule files under test");
    }
    List<AlertRule> rules = new RuleFileReader().readAll(ruleFiles);
    List<SloDefinition> slos = SloConfigReader.read(root);
    Phase phase = root.parsed("phase", Phase.PRE, "pre or post", Phase::fromConfigName);
    Duration interval = root.duration("evaluation_interval", DEFAULT_INTERVAL);
    if (interval.isZero() || interval.isNegative()) {
      throw root.problem("evaluation_interval", "must be longer than 0s");
    }
    List<RuleTestCase> cases = new ArrayList<>();
    for (ConfigMapping test : root.mappingList("tests")) {
      cases.add(testCase(test, interval));
    }
    if (cases.isEmpty()) {
      throw root.problem("tests", "list at least one test");
    }
    root.rejectUnknownKeys();
    return new RuleTestSuite(file.toString(), rules, slos, phase, interval, cases);
  }

  /** The input's {@code step}: how much each named numeric field grows per repetition. */
  private static Map<String, Double> step(ConfigMapping input, Point point) {
    Map<String, Double> step = new LinkedHashMap<>();
    input
        .stringMap("step")
        .forEach(
            (field, text) -> {
              FieldValue value = point.fields().get(field);
              if (!(value instanceof FieldValue.IntegerValue)
                  && !(value instanceof FieldValue.FloatValue)) {
                throw input.problem(
                    "step", "field " + field + " is not a numeric field of the line");
              }
              try {
                double amount = Double.parseDouble(text);
                if (value instanceof FieldValue.IntegerValue && amount != Math.rint(amount)) {
                  throw input.problem(
                      "step", "field " + field + " is an integer: give a whole step, not " + text);
                }
                step.put(field, amount);
              } catch (NumberFormatException e) {
                throw input.problem("step", "expected a number for " + field + ", got " + text);
              }
            });
    return step;
  }

  private static RuleTestCase testCase(ConfigMapping test, Duration interval) {
    String name = test.requiredString("name");
    List<RuleTestCase.Input> inputs = new ArrayList<>();
    for (ConfigMapping input : test.mappingList("input")) {
      String line = input.requiredString("line");
      ParseResult parsed = LineProtocolParser.parse(line, Precision.NANOSECONDS, NO_TIMESTAMP);
      if (parsed.hasErrors() || parsed.points().size() != 1) {
        throw input.problem(
            "line",
            parsed.hasErrors()
                ? parsed.errors().get(0).describe()
                : "expected exactly one line of line protocol");
      }
      Point parsedPoint = parsed.points().get(0);
      if (parsedPoint.timestampNanos() != NO_TIMESTAMP) {
        throw input.problem(
            "line", "leave the timestamp out: the test stamps each point with its time");
      }
      Point point =
          new Point(parsedPoint.measurement(), parsedPoint.tags(), parsedPoint.fields(), null);
      Duration from = Durations.atLeastZero(input, "from", Duration.ZERO);
      Duration until = Durations.atLeastZero(input, "until", from);
      Duration every = Durations.atLeastZero(input, "every", interval);
      if (until.compareTo(from) < 0) {
        throw input.problem("until", "must not be before from");
      }
      if (every.isZero() || every.isNegative()) {
        throw input.problem("every", "must be longer than 0s");
      }
      Map<String, Double> step = step(input, point);
      input.rejectUnknownKeys();
      inputs.add(new RuleTestCase.Input(point, from, until, every, step));
    }
    List<RuleTestCase.Expectation> expectations = new ArrayList<>();
    for (ConfigMapping expect : test.mappingList("expect")) {
      if (!expect.has("at")) {
        throw expect.problem("at", "is required: the time of the check, such as 90s");
      }
      Duration at = Durations.atLeastZero(expect, "at", Duration.ZERO);
      expectations.add(
          new RuleTestCase.Expectation(at, alerts(expect, "firing"), alerts(expect, "pending")));
      expect.rejectUnknownKeys();
    }
    if (expectations.isEmpty()) {
      throw test.problem("expect", "list at least one expectation");
    }
    test.rejectUnknownKeys();
    return new RuleTestCase(name, inputs, expectations);
  }

  private static List<RuleTestCase.ExpectedAlert> alerts(ConfigMapping expect, String key) {
    List<RuleTestCase.ExpectedAlert> alerts = new ArrayList<>();
    for (ConfigMapping alert : expect.mappingList(key)) {
      Map<String, String> labels = alert.stringMap("labels");
      Map<String, String> annotations = alert.stringMap("annotations");
      if (labels.isEmpty()) {
        throw alert.problem("labels", "is required: the labels the alert must have");
      }
      alert.rejectUnknownKeys();
      alerts.add(new RuleTestCase.ExpectedAlert(labels, annotations));
    }
    return alerts;
  }
}
