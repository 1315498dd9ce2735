package io.ferry.collector.alerting;

import io.ferry.alerts.dispatch.DispatchConfig;
import io.ferry.alerts.dispatch.DispatchConfigReader;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.ReceiversReader;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.rule.RuleFileReader;
import io.ferry.alerts.slo.SloConfigReader;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.yamlconfig.ConfigMapping;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the collector's {@code alerts:} section: the engine's own keys here, the receivers, routes
 * and SLOs through the alerts library's readers. Rule files are read now, so a bad rule file stops
 * the collector (and {@code check-config}) with its file, line and key.
 */
public final class AlertingConfigReader {

  private AlertingConfigReader() {}

  /**
   * @param alerts the {@code alerts} mapping
   * @param baseDir the configuration file's folder; relative paths are resolved against it
   * @param maxPendingPoints {@code influxdb.max_pending_points}, from which {@code
   *     max_queued_points: auto} is derived
   */
  public static AlertingConfig read(ConfigMapping alerts, Path baseDir, int maxPendingPoints) {
    List<Path> ruleFiles = new ArrayList<>();
    for (String pattern : alerts.stringList("rule_files", List.of())) {
      ruleFiles.addAll(expand(alerts, baseDir, pattern));
    }
    List<AlertRule> rules = new RuleFileReader().readAll(ruleFiles);
    Phase phase =
        alerts.parsed("phase", AlertingConfig.DEFAULT_PHASE, "pre or post", Phase::fromConfigName);
    Duration interval =
        alerts.duration("evaluation_interval", AlertingConfig.DEFAULT_EVALUATION_INTERVAL);
    Optional<Path> stateFile = alerts.string("state_file").map(baseDir::resolve);
    Map<String, Notifier> notifiers = ReceiversReader.read(alerts);
    DispatchConfig dispatch = DispatchConfigReader.read(alerts, notifiers.keySet());
    List<SloDefinition> slos = SloConfigReader.read(alerts);
    int automatic = AlertingConfig.defaultMaxQueuedPoints(maxPendingPoints);
    int maxQueued =
        alerts.parsed(
            "max_queued_points",
            automatic,
            "a whole number of points from 1, or auto (a quarter of influxdb.max_pending_points)",
            text -> queuedPoints(text.trim(), automatic));
    alerts.rejectUnknownKeys();
    return new AlertingConfig(
        rules, phase, interval, stateFile, notifiers, dispatch, slos, maxQueued);
  }

  private static Optional<Integer> queuedPoints(String text, int automatic) {
    if (text.equals("auto")) {
      return Optional.of(automatic);
    }
    try {
      int points = Integer.parseInt(text);
      return points >= 1 ? Optional.of(points) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A file name, or a file-name pattern such as {@code rules/*.yml} in its last part. */
  private static List<Path> expand(ConfigMapping alerts, Path baseDir, String pattern) {
    Path path = baseDir.resolve(pattern);
    String name = path.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      if (!Files.isRegularFile(path)) {
        throw alerts.problem("rule_files", "no rule file " + path);
      }
      return List.of(path);
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(), name)) {
      files.forEach(matches::add);
    } catch (IOException e) {
      throw alerts.problem("rule_files", "cannot list " + path.getParent() + ": " + e.getMessage());
    }
    if (matches.isEmpty()) {
      throw alerts.problem("rule_files", "no rule file matches " + path);
    }
    matches.sort(null);
    return matches;
  }
}
