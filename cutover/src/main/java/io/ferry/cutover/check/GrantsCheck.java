package io.ferry.cutover.check;

import io.ferry.cutover.CheckContext;
import io.ferry.cutover.CutoverCheck;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users and grants of the two primaries, compared per account and per privilege and object (see
 * {@link GrantCanonicalizer} and {@link GrantPrivileges}): a difference reads {@code app@%: SELECT
 * on s9.* only on new}. Password hashes are compared but never printed.
 */
public final class GrantsCheck implements CutoverCheck {

  @Override
  public CheckFamily family() {
    return CheckFamily.GRANTS;
  }

  @Override
  public List<CheckResult> run(CheckContext ctx) throws SQLException {
    GrantsReader reader = new GrantsReader();
    Map<String, AccountGrants> oldSide = reader.read(ctx.connection(ctx.topology().oldPrimary()));
    Map<String, AccountGrants> newSide = reader.read(ctx.connection(ctx.topology().newPrimary()));
    return List.of(compare(oldSide, newSide, ctx.options().ignoredUsers()));
  }

  static CheckResult compare(
      Map<String, AccountGrants> oldSide, Map<String, AccountGrants> newSide, Set<String> ignored) {
    List<String> differences = new ArrayList<>();
    Set<String> accounts = new TreeSet<>(oldSide.keySet());
    accounts.addAll(newSide.keySet());
    int compared = 0;
    for (String account : accounts) {
      if (isIgnored(account, ignored)) {
        continue;
      }
      compared++;
      AccountGrants before = oldSide.get(account);
      AccountGrants after = newSide.get(account);
      if (after == null) {
        differences.add("account only on old: " + account);
        continue;
      }
      if (before == null) {
        differences.add("account only on new: " + account);
        continue;
      }
      Set<String> privilegesBefore = GrantPrivileges.of(before.grants());
      Set<String> privilegesAfter = GrantPrivileges.of(after.grants());
      for (String privilege : privilegesBefore) {
        if (!privilegesAfter.contains(privilege)) {
          differences.add(account + ": " + privilege + " only on old");
        }
      }
      for (String privilege : privilegesAfter) {
        if (!privilegesBefore.contains(privilege)) {
          differences.add(account + ": " + privilege + " only on new");
        }
      }
      if (!Objects.equals(before.authentication(), after.authentication())) {
        differences.add(account + ": password or authentication differs (values not shown)");
      }
    }
    if (differences.isEmpty()) {
      return CheckResult.pass(
          CheckFamily.GRANTS,
          "users and grants",
          compared + " accounts with identical grants",
          List.of());
    }
    return CheckResult.of(
        CheckFamily.GRANTS,
        "users and grants",
        Status.FAIL,
        differences.size() + " grant differences, first: " + differences.get(0),
        ObjectDiff.capped(differences));
  }

  private static boolean isIgnored(String account, Set<String> ignored) {
    for (String pattern : ignored) {
      String regex =
          String.join(".*", Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
      if (account.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
