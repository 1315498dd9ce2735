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

/**
 * Schema and objects of the two primaries, from {@code information_schema}: databases, tables,
 * columns (type, nullability, default, character set, collation), indexes, views, triggers,
 * routines and events; plus events left disabled on the new side ({@code SLAVESIDE_DISABLED}),
 * which must be enabled once it is promoted: a warning before the switch, a failure after it.
 */
public final class SchemaCheck implements CutoverCheck {

  @Override
  public String family() {
    return CheckFamily.SCHEMA.label();
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
    results.add(disabledEvents(newSchema.eventStatus(), ctx.phase()));
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

  static CheckResult disabledEvents(Map<String, String> newSideStatus, Phase phase) {
    List<String> disabled =
        newSideStatus.entrySet().stream()
            .filter(e -> "SLAVESIDE_DISABLED".equalsIgnoreCase(e.getValue()))
            .map(e -> e.getKey() + " is SLAVESIDE_DISABLED on the new side")
            .toList();
    if (disabled.isEmpty()) {
      return CheckResult.pass(
          CheckFamily.SCHEMA,
          "disabled events",
          "no event left disabled on the new side",
          List.of());
    }
    Status status = phase == Phase.PRE ? Status.WARN : Status.FAIL;
    return CheckResult.of(
        CheckFamily.SCHEMA,
        "disabled events",
        status,
        disabled.size() + " events must be enabled on the new side once it takes writes",
        ObjectDiff.capped(disabled));
  }
}
