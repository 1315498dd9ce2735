package io.ferry.collector.compare;

import io.ferry.cutover.SslMode;
import io.ferry.cutover.TlsOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where one MySQL or MariaDB server is, as given on the command line: {@code
 * mysql://user@host:port}, {@code user@host:port} or {@code host:port} (port 3306 when left out),
 * with TLS options as query parameters: {@code ?ssl-mode=VERIFY_CA&ssl-ca=/etc/mysql/ca.pem}
 * ({@code ssl-mode}, {@code ssl-ca}, {@code ssl-cert}, {@code ssl-key}). Any other parameter is
 * refused, never ignored. What the DSN leaves out may come from an option file's {@code [client]}
 * section ({@link ClientDefaults}). A password may be written as {@code user:password@host} but is
 * better passed through the environment, where other users of the machine cannot see it.
 *
 * @param user user name, empty when the DSN names none
 * @param password the password from the DSN itself (or the option file), when it has one; never
 *     printed
 * @param host host name or address
 * @param port TCP port
 * @param tls TLS mode and PEM files
 */
public record MySqlDsn(
    String user, Optional<String> password, String host, int port, TlsOptions tls) {

  /** The port used when a DSN names none. */
  public static final int DEFAULT_PORT = 3306;

  /** Without TLS options. */
  public MySqlDsn(String user, Optional<String> password, String host, int port) {
    this(user, password, host, port, TlsOptions.DEFAULT);
  }

  /**
   * Reads a DSN.
   *
   * @throws IllegalArgumentException naming the DSN (without its password) and what is wrong
   */
  public static MySqlDsn parse(String text) {
    return parse(text, ClientDefaults.NONE);
  }

  /**
   * Reads a DSN, taking what it leaves out from an option file's settings.
   *
   * @throws IllegalArgumentException naming the DSN (without its password) and what is wrong
   */
  public static MySqlDsn parse(String text, ClientDefaults defaults) {
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
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      host = defaults.host().orElseThrow(() -> invalid(trimmed, "it names no host"));
    }
    String user = defaults.user().orElse("");
    Optional<String> password = defaults.password();
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (colon >= 0) {
        password = Optional.of(userInfo.substring(colon + 1));
      }
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : defaults.port().orElse(DEFAULT_PORT);
    TlsOptions tls;
    try {
      tls = tls(query(uri.getRawQuery(), trimmed), defaults);
    } catch (IllegalArgumentException e) {
      throw invalid(trimmed, e.getMessage());
    }
    return new MySqlDsn(user, password, host, port, tls);
  }

  private static Map<String, String> query(String rawQuery, String text) {
    Map<String, String> options = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return options;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String key =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT)
              .replace('_', '-');
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "ssl-mode", "ssl-ca", "ssl-cert", "ssl-key" -> options.put(key, value);
        case "socket" ->
            throw new IllegalArgumentException(
                "option 'socket' is not supported: ferry compare connects over TCP (the MySQL"
                    + " driver has no Unix-socket transport); give the server's host and port");
        default ->
            throw new IllegalArgumentException(
                "unknown option '" + key + "'; known: ssl-mode, ssl-ca, ssl-cert, ssl-key");
      }
    }
    return options;
  }

  private static TlsOptions tls(Map<String, String> options, ClientDefaults defaults) {
    Optional<SslMode> mode =
        Optional.ofNullable(options.get("ssl-mode")).map(SslMode::parse).or(defaults::sslMode);
    return new TlsOptions(
        mode,
        Optional.ofNullable(options.get("ssl-ca")).map(Path::of).or(defaults::sslCa),
        Optional.ofNullable(options.get("ssl-cert")).map(Path::of).or(defaults::sslCert),
        Optional.ofNullable(options.get("ssl-key")).map(Path::of).or(defaults::sslKey));
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
