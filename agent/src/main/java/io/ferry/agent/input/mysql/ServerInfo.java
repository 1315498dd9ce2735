package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.Objects;

/**
 * What the agent learnt about a server when it connected: its flavor, numeric version and the full
 * {@code VERSION()} text.
 *
 * @param flavor MariaDB or MySQL
 * @param version numeric version, to choose statements
 * @param versionText {@code VERSION()} as the server reports it, for the {@code version} field
 */
record ServerInfo(Flavor flavor, ServerVersion version, String versionText) {

  public ServerInfo {
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(versionText, "versionText");
  }

  /** Whether this is the given flavor at the given version or later. */
  public boolean is(Flavor wanted, ServerVersion since) {
    return flavor == wanted && version.atLeast(since);
  }
}
