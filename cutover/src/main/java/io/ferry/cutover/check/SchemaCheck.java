package io.ferry.cutover.check;

import io.ferry.cutover.CheckContext;
import io.ferry.cutover.CutoverCheck;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Schema and objects of the two primaries, from {@code information_schema}: databases, tables,
 * columns (type, nullability, default, character set, collation), indexes, views, triggers,
 * routines and events; plus the status of each event on both sides against what the phase expects
 * (see {@link EventExpectation}): before the switch the events the old side runs are listed to be
 * enabled at the switch, after it an event must run on the new side only, and one disabled on one
 * side only is drift.
 */
public final class SchemaCheck implements CutoverCheck {

  /** The name of the result judging event status. */
  static final String EVENT_STATUS = "event status";

  @Override
  public CheckFamily family() {
    return CheckFamily.SCHEMA;
  }

  @Override
  public List<CheckResult> run(CheckContext ctx) throws SQLException {
    SchemaReader reader = new SchemaReader(ctx.options().tableFilter());
    SchemaSnapshot oldSchema = reader.read(ctx.connection(ctx.topology().oldPrimary()));
    SchemaSnapshot newSchema = reader.read(ctx.connection(ctx.topology().newPrimary()));
    List<CheckResult> results = new ArrayList<>();
    for (SchemaCategory category : SchemaCategory.values()) {
      results.add(
          compare(category, oldSchema.objects().get(category), newSchema.objects().get(category)));
    }
    results.add(eventStatus(oldSchema.eventStatus(), newSchema.eventStatus(), ctx.phase()));
    return results;
  }

  static CheckResult compare(
      SchemaCategory category, Map<String, String> oldSide, Map<String, String> newSide) {
    List<String> differences = ObjectDiff.diff(oldSide, newSide);
    if (differences.isEmpty()) {
      return CheckResult.pass(
          CheckFamily.SCHEMA,
          category.label(),
          oldSide.size() + " " + category.label() + " identical",
          List.of());
    }
    return CheckResult.of(
        CheckFamily.SCHEMA,
        category.label(),
        Status.FAIL,
        differences.size() + " " + category.label() + " differ, first: " + differences.get(0),
        ObjectDiff.capped(differences));
  }

  /**
   * The status of every event present on both sides, judged for the phase (see {@link
   * EventExpectation}); the worst judgement is the result's status and every event that is not a
   * PASS is one evidence line.
   */
  static CheckResult eventStatus(
      Map<String, String> oldSide, Map<String, String> newSide, Phase phase) {
    List<String> failures = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int judged = 0;
    for (Map.Entry<String, String> event : new TreeMap<>(oldSide).entrySet()) {
      String newStatus = newSide.get(event.getKey());
      if (newStatus == null) {
        continue; // an event on one side only is reported by the events comparison
      }
      judged++;
      EventExpectation expectation =
          EventExpectation.of(
              phase, EventState.parse(event.getValue()), EventState.parse(newStatus));
      String line = event.getKey() + ": " + expectation.description();
      if (expectation.status() == Status.FAIL) {
        failures.add(line);
      } else if (expectation.status() == Status.WARN) {
        warnings.add(line);
      }
    }
    if (!failures.isEmpty()) {
      List<String> evidence = new ArrayList<>(failures);
      evidence.addAll(warnings);
      return CheckResult.of(
          CheckFamily.SCHEMA,
          EVENT_STATUS,
          Status.FAIL,
          failures.size() + " events in the wrong state, first: " + failures.get(0),
          ObjectDiff.capped(evidence));
    }
    if (!warnings.isEmpty()) {
      return CheckResult.of(
          CheckFamily.SCHEMA,
          EVENT_STATUS,
          Status.WARN,
          warnings.size() + " events to act on at the switch, first: " + warnings.get(0),
          ObjectDiff.capped(warnings));
    }
    return CheckResult.pass(
        CheckFamily.SCHEMA,
        EVENT_STATUS,
        judged + " events in the expected state for the " + phase.label() + " phase",
        List.of());
  }
}
