package io.ferry.collector.compare;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where one MySQL or MariaDB server is, as given on the command line: {@code
 * mysql://user@host:port}, {@code user@host:port} or {@code host:port} (port 3306 when left out). A
 * password may be written as {@code user:password@host} but is better passed through the
 * environment, where other users of the machine cannot see it.
 *
 * @param user user name, empty when the DSN names none
 * @param password the password from the DSN itself, when it has one; never printed
 * @param host host name or address
 * @param port TCP port
 */
public record MySqlDsn(String user, Optional<String> password, String host, int port) {

  /** The port used when a DSN names none. */
  public static final int DEFAULT_PORT = 3306;

  /**
   * Reads a DSN.
   *
   * @throws IllegalArgumentException naming the DSN (without its password) and what is wrong
   */
  public static MySqlDsn parse(String text) {
    String trimmed = text.trim();
    String withScheme = trimmed.contains("://") ? trimmed : "mysql://" + trimmed;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw invalid(trimmed, "it is not of the form mysql://user@host:port");
    }
    if (!"mysql".equalsIgnoreCase(uri.getScheme())
        && !"mariadb".equalsIgnoreCase(uri.getScheme())) {
      throw invalid(trimmed, "the scheme must be mysql:// (or mariadb://)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(trimmed, "it names no host");
    }
    String user = "";
    Optional<String> password = Optional.empty();
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (colon >= 0) {
        password = Optional.of(userInfo.substring(colon + 1));
      }
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    return new MySqlDsn(user, password, uri.getHost(), port);
  }

  /** The Connector/J URL of the server, without credentials. */
  public String jdbcUrl() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:mysql://" + h + ":" + port + "/";
  }

  /** {@code user@host:port}, never with the password. */
  @Override
  public String toString() {
    return (user.isEmpty() ? "" : user + "@") + host + ":" + port;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("DSN '" + redact(text) + "' is not valid: " + why);
  }

  private static String redact(String text) {
    int at = text.lastIndexOf('@');
    int schemeEnd = text.indexOf("://");
    int userStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int colon = at < 0 ? -1 : text.indexOf(':', userStart);
    if (colon >= 0 && colon < at) {
      return text.substring(0, colon) + ":***" + text.substring(at);
    }
    return text;
  }
}
