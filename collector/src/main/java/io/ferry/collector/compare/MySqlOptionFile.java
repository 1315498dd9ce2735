package io.ferry.collector.compare;

import io.ferry.cutover.SslMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code [client]} section of a MySQL option file ({@code ~/.my.cnf} style), as {@code
 * ferry compare --defaults-file} and Percona Toolkit's {@code --defaults-file} do. Honoured: {@code
 * user}, {@code password}, {@code host}, {@code port}, {@code ssl-mode}, {@code ssl-ca}, {@code
 * ssl-cert}, {@code ssl-key}, {@code ssl} and {@code ssl-verify-server-cert} ({@code _} and {@code
 * -} alike). Refused with an error: the connection options Ferry cannot honour ({@code socket},
 * {@code protocol}, the other {@code ssl-*} and {@code tls-*} options) and {@code !include}. Other
 * keys (such as {@code default-character-set}) do not change which server is reached or how safely,
 * and are ignored.
 */
public final class MySqlOptionFile {

  private static final Set<String> REFUSED_EXACT = Set.of("socket", "protocol", "pipe");

  private MySqlOptionFile() {}

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException naming the file (and line) that cannot be read or used
   */
  public static ClientDefaults read(Path file) {
    try {
      return parse(Files.readAllLines(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--defaults-file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Parses the lines of an option file.
   *
   * @param source the file's name, for messages
   * @throws IllegalArgumentException naming the source, the line and the option that is refused
   */
  public static ClientDefaults parse(List<String> lines, String source) {
    Settings settings = new Settings();
    boolean inClient = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String where = source + " line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("!")) {
        throw new IllegalArgumentException(
            where + ": " + line.split("\\s")[0] + " is not supported; name the file directly");
      }
      if (line.startsWith("[")) {
        inClient = line.replaceAll("\\s", "").equalsIgnoreCase("[client]");
        continue;
      }
      if (inClient) {
        int equals = line.indexOf('=');
        String key =
            (equals < 0 ? line : line.substring(0, equals))
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
        String value = equals < 0 ? "" : unquote(line.substring(equals + 1).strip());
        settings.apply(key, value, where);
      }
    }
    return settings.build();
  }

  /** The values read so far; later lines win, as for the MySQL client. */
  private static final class Settings {
    private String user;
    private String password;
    private String host;
    private Integer port;
    private SslMode sslMode;
    private Path sslCa;
    private Path sslCert;
    private Path sslKey;

    void apply(String key, String value, String where) {
      switch (key) {
        case "user" -> user = value;
        case "password" -> password = value;
        case "host" -> host = value;
        case "port" -> port = port(value, where);
        case "ssl-mode" -> sslMode = mode(value, where);
        case "ssl" -> {
          if (!isFalse(value) && sslMode == null) {
            sslMode = SslMode.REQUIRED;
          }
        }
        case "ssl-verify-server-cert" -> {
          if (!isFalse(value)) {
            sslMode = SslMode.VERIFY_IDENTITY;
          }
        }
        case "ssl-ca" -> sslCa = Path.of(value);
        case "ssl-cert" -> sslCert = Path.of(value);
        case "ssl-key" -> sslKey = Path.of(value);
        default -> {
          if (REFUSED_EXACT.contains(key) || key.startsWith("ssl-") || key.startsWith("tls-")) {
            throw new IllegalArgumentException(
                where
                    + ": option '"
                    + key
                    + "' is not supported by ferry compare (it connects over TCP with ssl-mode,"
                    + " ssl-ca, ssl-cert and ssl-key only); remove it or connect another way");
          }
        }
      }
    }

    ClientDefaults build() {
      return new ClientDefaults(
          Optional.ofNullable(user),
          Optional.ofNullable(password),
          Optional.ofNullable(host),
          Optional.ofNullable(port),
          Optional.ofNullable(sslMode),
          Optional.ofNullable(sslCa),
          Optional.ofNullable(sslCert),
          Optional.ofNullable(sslKey));
    }
  }

  private static SslMode mode(String value, String where) {
    try {
      return SslMode.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static int port(String value, String where) {
    try {
      int port = Integer.parseInt(value);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": port '" + value + "' is not a TCP port");
    }
  }

  private static boolean isFalse(String value) {
    return Set.of("0", "false", "off", "no").contains(value.toLowerCase(Locale.ROOT));
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
