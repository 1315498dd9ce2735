package io.ferry.cutover;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One database server of a cluster.
 *
 * @param name short name shown in reports, e.g. {@code old-primary}
 * @param role primary or replica
 * @param jdbcUrl Connector/J URL, e.g. {@code jdbc:mysql://127.0.0.1:3306/}; credentials in the URL
 *     are removed from every description
 * @param user user name for the comparison's connections
 * @param password that user's password; never printed ({@link #toString()} hides it)
 * @param tls TLS mode and PEM files for the connections; {@link TlsOptions#DEFAULT} for the
 *     driver's defaults
 */
public record Node(
    String name, NodeRole role, String jdbcUrl, String user, String password, TlsOptions tls) {

  /** Shorthand for {@link NodeRole#PRIMARY}. */
  public static final NodeRole PRIMARY = NodeRole.PRIMARY;

  /** Shorthand for {@link NodeRole#REPLICA}. */
  public static final NodeRole REPLICA = NodeRole.REPLICA;

  private static final Pattern URL_CREDENTIALS =
      Pattern.compile("(?i)([?&;](password|user)=)[^&;]*");

  /** With the driver's TLS defaults. */
  public Node(String name, NodeRole role, String jdbcUrl, String user, String password) {
    this(name, role, jdbcUrl, user, password, TlsOptions.DEFAULT);
  }

  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tls, "tls of node " + name);
    Objects.requireNonNull(jdbcUrl, "jdbcUrl of node " + name);
    Objects.requireNonNull(user, "user of node " + name);
    Objects.requireNonNull(role, "role of node " + name);
    password = password == null ? "" : password;
  }

  /** Whether this node is its side's primary. */
  public boolean isPrimary() {
    return role == NodeRole.PRIMARY;
  }

  /** Name, role, user and URL without any password: safe for reports and logs. */
  public String describe() {
    String url = URL_CREDENTIALS.matcher(jdbcUrl).replaceAll("$1***");
    String security = tls.describe();
    return name
        + " ("
        + role
        + ") "
        + user
        + " @ "
        + url
        + (security.isEmpty() ? "" : " " + security);
  }

  @Override
  public String toString() {
    return describe();
  }
}
