package io.ferry.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --defaults-file} of one MariaDB instance: with it, the server, {@code
 * mariadb-install-db} and the {@code mariadb} client read only this file, never the system's
 * configuration.
 *
 * @param options the instance's replication and write settings
 * @param layout where its files live
 * @param port TCP port on 127.0.0.1
 * @param runAsRoot whether the server runs as the root user (it refuses to unless told {@code user
 *     = root})
 */
record MariaDbConfigFile(
    MariaDbOptions options, MariaDbLayout layout, int port, boolean runAsRoot) {

  /** The file's text, in MySQL option-file format. */
  String render() {
    List<String> lines = new ArrayList<>();
    lines.add("[mysqld]");
    if (runAsRoot) {
      lines.add("user = root");
    }
    lines.add("datadir = " + layout.dataDir());
    lines.add("tmpdir = " + layout.tmpDir());
    lines.add("socket = " + layout.socket());
    lines.add("pid-file = " + layout.serverPidFile());
    lines.add("log-error = " + layout.errorLog());
    lines.add("port = " + port);
    lines.add("bind-address = 127.0.0.1");
    lines.add("skip-name-resolve");
    lines.add("innodb_buffer_pool_size = 32M");
    lines.add("innodb_log_file_size = 16M");
    // durability is irrelevant for a throw-away test server; this keeps commits cheap
    lines.add("innodb_flush_log_at_trx_commit = 2");
    lines.add("performance_schema = OFF");
    lines.add("server-id = " + options.serverId());
    lines.add("gtid_domain_id = " + options.gtidDomainId());
    lines.add("log-bin = mariadb-bin");
    lines.add("relay-log = relay-bin");
    lines.add("binlog_format = ROW");
    lines.add("log_slave_updates = ON");
    lines.add("auto_increment_increment = " + options.autoIncrementIncrement());
    lines.add("auto_increment_offset = " + options.autoIncrementOffset());
    lines.add("read_only = " + (options.readOnly() ? "ON" : "OFF"));
    // pt-table-checksum finds replicas through what they report to their source
    lines.add("report_host = 127.0.0.1");
    lines.add("report_port = " + port);
    lines.addAll(options.serverOptions());
    lines.add("");
    lines.add("[client]");
    lines.add("socket = " + layout.socket());
    lines.add("port = " + port);
    return String.join("\n", lines) + "\n";
  }
}
