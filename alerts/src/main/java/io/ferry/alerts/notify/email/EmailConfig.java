package io.ferry.alerts.notify.email;

import io.ferry.alerts.notify.Secret;
import io.ferry.yamlconfig.ConfigMapping;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * E-mail through an SMTP server.
 *
 * @param host the SMTP server ({@code host}, required)
 * @param port its port ({@code port}, default {@value #DEFAULT_PORT})
 * @param from the sender address ({@code from}, required)
 * @param to the recipients ({@code to}, a list of at least one address, required)
 * @param username user to log in as ({@code username}); null to send without logging in
 * @param password its password ({@code password} or {@code password_file}); a secret
 * @param starttls whether to require STARTTLS before anything else is sent ({@code starttls},
 *     default {@value #DEFAULT_STARTTLS}); turn it on for any server beyond this machine
 * @param timeout bound on connecting, and on each read and write ({@code timeout}, default {@value
 *     #DEFAULT_TIMEOUT_TEXT})
 */
public record EmailConfig(
    String host,
    int port,
    String from,
    List<String> to,
    String username,
    Secret password,
    boolean starttls,
    Duration timeout) {

  /** Default of {@code port}: SMTP's. */
  public static final int DEFAULT_PORT = 25;

  /** Default of {@code starttls}. */
  public static final boolean DEFAULT_STARTTLS = false;

  /** Default of {@code timeout}, as written in the configuration. */
  public static final String DEFAULT_TIMEOUT_TEXT = "10s";

  /** Default of {@code timeout}: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public EmailConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    to = List.copyOf(to);
    Objects.requireNonNull(timeout, "timeout");
    if (password != null && username == null) {
      throw new IllegalArgumentException("a password needs a user name");
    }
  }

  /** Reads an {@code email:} section. */
  public static EmailConfig read(ConfigMapping section) {
    String host = section.requiredString("host");
    int port = section.integer("port", DEFAULT_PORT, 1, 65535);
    String from = section.requiredString("from");
    checkAddress(section, "from", from);
    List<String> to = section.stringList("to", List.of());
    if (to.isEmpty()) {
      throw section.problem("to", "is required: list at least one address");
    }
    for (String address : to) {
      checkAddress(section, "to", address);
    }
    String username = section.string("username").orElse(null);
    Secret password = section.secret("password").map(Secret::of).orElse(null);
    if (password != null && username == null) {
      throw section.problem("username", "is required when a password is set");
    }
    return new EmailConfig(
        host,
        port,
        from,
        to,
        username,
        password,
        section.bool("starttls", DEFAULT_STARTTLS),
        section.duration("timeout", DEFAULT_TIMEOUT));
  }

  private static void checkAddress(ConfigMapping section, String key, String address) {
    try {
      new InternetAddress(address, true);
    } catch (AddressException e) {
      throw section.problem(key, "not an e-mail address: " + address);
    }
  }
}
