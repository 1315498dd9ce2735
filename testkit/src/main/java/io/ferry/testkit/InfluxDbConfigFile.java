package io.ferry.testkit;

import java.nio.file.Path;

/**
 * The configuration file of one InfluxDB 1.x instance: its own meta, data and WAL directories, both
 * ports on 127.0.0.1, no usage reporting and no self-monitoring database.
 *
 * @param instanceDir directory holding the instance's {@code meta/}, {@code data/} and {@code wal/}
 * @param httpPort port of the HTTP API ({@code /ping}, {@code /query}, {@code /write})
 * @param rpcPort port of the RPC service used by backup and restore
 */
record InfluxDbConfigFile(Path instanceDir, int httpPort, int rpcPort) {

  /** The file's text, in InfluxDB's TOML format. */
  String render() {
    return """
        reporting-disabled = true
        bind-address = "127.0.0.1:%d"

        [meta]
          dir = "%s"

        [data]
          dir = "%s"
          wal-dir = "%s"
          query-log-enabled = false

        [monitor]
          store-enabled = false

        [http]
          enabled = true
          bind-address = "127.0.0.1:%d"
          log-enabled = false
        """
        .formatted(
            rpcPort,
            tomlPath(instanceDir.resolve("meta")),
            tomlPath(instanceDir.resolve("data")),
            tomlPath(instanceDir.resolve("wal")),
            httpPort);
  }

  private static String tomlPath(Path path) {
    return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
