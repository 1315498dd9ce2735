package io.ferry.cutover.check;

import io.ferry.cutover.CheckContext;
import io.ferry.cutover.CutoverCheck;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Global variables of the two primaries: a difference in a behaviour-changing variable ({@link
 * ConfigurationVariables#BEHAVIOUR_CHANGING}) fails, an expected difference ({@link
 * ConfigurationVariables#EXPECTED_DIFFERENCES} plus the caller's) is ignored, any other difference
 * is a warning.
 */
public final class ConfigurationCheck implements CutoverCheck {

  @Override
  public CheckFamily family() {
    return CheckFamily.CONFIGURATION;
  }

  @Override
  public List<CheckResult> run(CheckContext ctx) throws SQLException {
    Map<String, String> oldVariables = globals(ctx.connection(ctx.topology().oldPrimary()));
    Map<String, String> newVariables = globals(ctx.connection(ctx.topology().newPrimary()));
    Set<String> expected = new HashSet<>(ConfigurationVariables.EXPECTED_DIFFERENCES);
    expected.addAll(ctx.options().expectedConfigDifferences());
    return compare(oldVariables, newVariables, expected);
  }

  /** Compares two variable maps (lower-case names); one result for behaviour, one for the rest. */
  static List<CheckResult> compare(
      Map<String, String> oldVariables, Map<String, String> newVariables, Set<String> expected) {
    List<String> behaviour = new ArrayList<>();
    List<String> other = new ArrayList<>();
    Set<String> names = new TreeSet<>(oldVariables.keySet());
    names.addAll(newVariables.keySet());
    for (String name : names) {
      String before = oldVariables.get(name);
      String after = newVariables.get(name);
      if (Objects.equals(before, after) || ConfigurationVariables.matches(name, expected)) {
        continue;
      }
      String line = name + ": old '" + show(before) + "' new '" + show(after) + "'";
      if (ConfigurationVariables.matches(name, ConfigurationVariables.BEHAVIOUR_CHANGING)) {
        behaviour.add(line);
      } else {
        other.add(line);
      }
    }
    List<CheckResult> results = new ArrayList<>();
    results.add(
        behaviour.isEmpty()
            ? CheckResult.pass(
                CheckFamily.CONFIGURATION,
                "behaviour-changing variables",
                "behaviour-changing variables identical",
                List.of())
            : CheckResult.of(
                CheckFamily.CONFIGURATION,
                "behaviour-changing variables",
                Status.FAIL,
                behaviour.size()
                    + " behaviour-changing variables differ, first: "
                    + behaviour.get(0),
                ObjectDiff.capped(behaviour)));
    results.add(
        other.isEmpty()
            ? CheckResult.pass(
                CheckFamily.CONFIGURATION,
                "other variables",
                "other variables identical apart from expected differences",
                List.of())
            : CheckResult.of(
                CheckFamily.CONFIGURATION,
                "other variables",
                Status.WARN,
                other.size() + " other variables differ",
                ObjectDiff.capped(other)));
    return results;
  }

  private static String show(String value) {
    return value == null ? "(absent)" : value;
  }

  private static Map<String, String> globals(Connection connection) throws SQLException {
    Map<String, String> variables = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES")) {
      while (rows.next()) {
        variables.put(
            rows.getString(1).toLowerCase(Locale.ROOT),
            rows.getString(2) == null ? "" : rows.getString(2));
      }
    }
    return variables;
  }
}
