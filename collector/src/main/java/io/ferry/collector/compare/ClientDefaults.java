package io.ferry.collector.compare;

import io.ferry.cutover.SslMode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Connection settings a DSN may leave out, taken from a MySQL option file's {@code [client]}
 * section ({@code --defaults-file}); what a DSN says wins.
 *
 * @param user {@code user}
 * @param password {@code password}; never printed
 * @param host {@code host}
 * @param port {@code port}
 * @param sslMode {@code ssl-mode}, or VERIFY_IDENTITY for {@code ssl-verify-server-cert}, REQUIRED
 *     for {@code ssl}
 * @param sslCa {@code ssl-ca}
 * @param sslCert {@code ssl-cert}
 * @param sslKey {@code ssl-key}
 */
public record ClientDefaults(
    Optional<String> user,
    Optional<String> password,
    Optional<String> host,
    Optional<Integer> port,
    Optional<SslMode> sslMode,
    Optional<Path> sslCa,
    Optional<Path> sslCert,
    Optional<Path> sslKey) {

  /** No defaults. */
  public static final ClientDefaults NONE =
      new ClientDefaults(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** The same settings without the password (when the environment gives one, which wins). */
  public ClientDefaults withoutPassword() {
    return new ClientDefaults(user, Optional.empty(), host, port, sslMode, sslCa, sslCert, sslKey);
  }

  @Override
  public String toString() {
    return "ClientDefaults[user="
        + user.orElse("")
        + ", password="
        + (password.isPresent() ? "<redacted>" : "none")
        + ", host="
        + host.orElse("")
        + ", port="
        + port.map(String::valueOf).orElse("")
        + ", sslMode="
        + sslMode.map(Enum::name).orElse("")
        + "]";
  }
}
