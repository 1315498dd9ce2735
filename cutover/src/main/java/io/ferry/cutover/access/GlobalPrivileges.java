package io.ferry.cutover.access;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges an account holds on every object ({@code ON *.*}), read from the lines of {@code
 * SHOW GRANTS} for the current user, which on MariaDB include the grants of the roles the session
 * has enabled. Grants on one database or table are not counted: which databases are in scope cannot
 * be known when the account cannot list them.
 *
 * @param privileges privilege names in upper case, e.g. {@code SELECT}, {@code SLAVE MONITOR};
 *     {@code ALL PRIVILEGES} when the account has them all
 */
public record GlobalPrivileges(Set<String> privileges) {

  private static final Pattern ON_EVERYTHING =
      Pattern.compile(
          "^GRANT\\s+(.*?)\\s+ON\\s+(?:\\*|`?\\*`?)\\.\\*\\s+TO\\s", Pattern.CASE_INSENSITIVE);

  public GlobalPrivileges {
    privileges = Set.copyOf(privileges);
  }

  /** Parses {@code SHOW GRANTS} output lines; lines for a single database or table are ignored. */
  public static GlobalPrivileges parse(Collection<String> grantLines) {
    Set<String> held = new TreeSet<>();
    for (String line : grantLines) {
      Matcher matcher = ON_EVERYTHING.matcher(line.strip());
      if (!matcher.find()) {
        continue;
      }
      for (String privilege : matcher.group(1).split(",")) {
        String name = privilege.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        held.add(name.equals("ALL") ? "ALL PRIVILEGES" : name);
      }
    }
    return new GlobalPrivileges(held);
  }

  /** Whether the account holds any of these privileges on every object. */
  public boolean holdsAnyOf(List<String> names) {
    if (privileges.contains("ALL PRIVILEGES")) {
      return true;
    }
    return names.stream().anyMatch(privileges::contains);
  }
}
