package io.ferry.cutover.check;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits canonical grant lines (see {@link GrantCanonicalizer}) into single privileges on single
 * objects, so that two accounts' grants are compared privilege by privilege: {@code SELECT on s9.*}
 * rather than two whole {@code GRANT} lines that differ somewhere. Column privileges are split per
 * column ({@code SELECT (email) on shop.users}), {@code WITH GRANT OPTION} becomes {@code GRANT
 * OPTION on} the object, a granted role {@code role NAME}, and any other clause ({@code REQUIRE},
 * {@code MAX_...}) stays as one item with its text. A line that is not a grant is kept whole.
 */
final class GrantPrivileges {

  private static final Pattern ON_OBJECT =
      Pattern.compile("^GRANT (.+?) ON (.+?) TO (\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLES =
      Pattern.compile("^GRANT (.+?) TO (\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern GRANT_OPTION =
      Pattern.compile("\\s*WITH GRANT OPTION\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ADMIN_OPTION =
      Pattern.compile("\\s*WITH ADMIN OPTION\\s*", Pattern.CASE_INSENSITIVE);

  private GrantPrivileges() {}

  /** The single privileges of an account's canonical grant lines, sorted. */
  static Set<String> of(List<String> canonicalGrants) {
    Set<String> items = new TreeSet<>();
    for (String grant : canonicalGrants) {
      items.addAll(ofLine(grant));
    }
    return items;
  }

  /** The single privileges of one canonical grant line. */
  static Set<String> ofLine(String grant) {
    Set<String> items = new TreeSet<>();
    Matcher onObject = ON_OBJECT.matcher(grant);
    if (onObject.matches()) {
      String object = onObject.group(2);
      for (String privilege : GrantCanonicalizer.splitTopLevel(onObject.group(1))) {
        items.addAll(perColumn(privilege.strip(), object));
      }
      tail(onObject.group(4), object, items, GRANT_OPTION, "GRANT OPTION on " + object);
      return items;
    }
    Matcher roles = ROLES.matcher(grant);
    if (roles.matches()) {
      boolean admin = ADMIN_OPTION.matcher(roles.group(3)).find();
      for (String role : GrantCanonicalizer.splitTopLevel(roles.group(1))) {
        items.add("role " + role.strip() + (admin ? " WITH ADMIN OPTION" : ""));
      }
      String rest = ADMIN_OPTION.matcher(roles.group(3)).replaceAll(" ").strip();
      if (!rest.isEmpty()) {
        items.add("clause " + rest);
      }
      return items;
    }
    items.add("grant line " + grant);
    return items;
  }

  private static void tail(
      String tail, String object, Set<String> items, Pattern option, String optionItem) {
    Matcher matcher = option.matcher(tail);
    if (matcher.find()) {
      items.add(optionItem);
    }
    String rest = option.matcher(tail).replaceAll(" ").strip();
    if (!rest.isEmpty()) {
      items.add("clause " + rest + " on " + object);
    }
  }

  /**
   * {@code SELECT (a, b)} on an object as {@code SELECT (a) on ...} and {@code SELECT (b) on ...}.
   */
  private static List<String> perColumn(String privilege, String object) {
    int open = privilege.indexOf('(');
    if (open < 0 || !privilege.endsWith(")")) {
      return List.of(privilege.toUpperCase(Locale.ROOT) + " on " + object);
    }
    String name = privilege.substring(0, open).strip().toUpperCase(Locale.ROOT);
    return List.of(privilege.substring(open + 1, privilege.length() - 1).split(",")).stream()
        .map(column -> name + " (" + column.strip() + ") on " + object)
        .toList();
  }
}
