package io.ferry.cutover.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code SHOW GRANTS} line into a canonical form, so that grants written differently but
 * meaning the same compare equal: identifier quoting removed, whitespace collapsed, privileges and
 * column lists sorted, and the authentication clause (which may hold a password hash) cut out —
 * passwords are compared separately and never shown.
 */
public final class GrantCanonicalizer {

  private static final Pattern AUTHENTICATION =
      Pattern.compile(
          "\\s+IDENTIFIED\\s+.*?(?=\\s+REQUIRE\\s|\\s+WITH\\s+(GRANT|MAX_|ADMIN)|\\s*$)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PRIVILEGES_ON =
      Pattern.compile("^GRANT\\s+(.*?)\\s+ON\\s+(.*)$", Pattern.CASE_INSENSITIVE);

  private GrantCanonicalizer() {}

  /** The canonical form of one grant line. */
  public static String canonical(String grant) {
    String text = AUTHENTICATION.matcher(grant.strip()).replaceAll("");
    text = text.replaceAll("[`'\"]", "").replaceAll("\\s+", " ").strip();
    Matcher matcher = PRIVILEGES_ON.matcher(text);
    if (!matcher.matches()) {
      return text;
    }
    List<String> privileges = new ArrayList<>();
    for (String privilege : splitTopLevel(matcher.group(1))) {
      privileges.add(canonicalPrivilege(privilege));
    }
    privileges.sort(null);
    return "GRANT " + String.join(", ", privileges) + " ON " + matcher.group(2);
  }

  /**
   * The authentication clause of a grant line ({@code IDENTIFIED ...}), empty when there is none.
   * Only for comparison: it may contain a password hash and must never be printed.
   */
  public static String authentication(String grant) {
    Matcher matcher = AUTHENTICATION.matcher(grant.strip());
    return matcher.find() ? matcher.group().strip() : "";
  }

  private static String canonicalPrivilege(String privilege) {
    String trimmed = privilege.strip();
    int open = trimmed.indexOf('(');
    if (open < 0 || !trimmed.endsWith(")")) {
      return trimmed.toUpperCase(Locale.ROOT);
    }
    List<String> columns = new ArrayList<>();
    for (String column : trimmed.substring(open + 1, trimmed.length() - 1).split(",")) {
      columns.add(column.strip());
    }
    columns.sort(null);
    return trimmed.substring(0, open).strip().toUpperCase(Locale.ROOT)
        + " ("
        + String.join(", ", columns)
        + ")";
  }

  static List<String> splitTopLevel(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(list.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(list.substring(start));
    return parts;
  }
}
