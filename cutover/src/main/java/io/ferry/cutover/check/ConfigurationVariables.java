package io.ferry.cutover.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which global variables matter when two servers are compared: those that change what queries do (a
 * difference fails) and those expected to differ between any two servers (ignored). Any other
 * difference is a warning.
 */
public final class ConfigurationVariables {

  /** Variables that change query results or durability: a difference fails the check. */
  public static final List<String> BEHAVIOUR_CHANGING =
      List.of(
          "sql_mode",
          "character_set_server",
          "collation_server",
          "character_set_client",
          "character_set_connection",
          "character_set_results",
          "collation_connection",
          "character_set_database",
          "collation_database",
          "time_zone",
          "lower_case_table_names",
          "explicit_defaults_for_timestamp",
          "max_allowed_packet",
          "innodb_flush_log_at_trx_commit",
          "sync_binlog",
          "transaction_isolation",
          "tx_isolation",
          "autocommit",
          "default_storage_engine",
          "default_tmp_storage_engine",
          "innodb_strict_mode",
          "innodb_autoinc_lock_mode",
          "innodb_default_row_format",
          "div_precision_increment",
          "group_concat_max_len",
          "default_week_format",
          "lc_time_names",
          "old_mode",
          "optimizer_switch",
          "event_scheduler",
          "foreign_key_checks",
          "unique_checks",
          "binlog_format",
          "binlog_row_image",
          "wait_timeout");

  /**
   * Variables expected to differ between two servers (identity, positions, host names, paths,
   * settings the replication family checks itself); a trailing {@code *} matches any suffix.
   */
  public static final List<String> EXPECTED_DIFFERENCES =
      List.of(
          "server_id",
          "server_uuid",
          "server_uid",
          "auto_increment_offset",
          "auto_increment_increment",
          "hostname",
          "report_host",
          "report_port",
          "port",
          "socket",
          "pid_file",
          "datadir",
          "tmpdir",
          "slave_load_tmpdir",
          "aria_log_dir_path",
          "log_error",
          "log_bin_basename",
          "log_bin_index",
          "relay_log*",
          "general_log_file",
          "slow_query_log_file",
          "innodb_data_home_dir",
          "innodb_log_group_home_dir",
          "innodb_undo_directory",
          "gtid_domain_id",
          "gtid_binlog_pos",
          "gtid_binlog_state",
          "gtid_current_pos",
          "gtid_slave_pos",
          "gtid_executed",
          "gtid_purged",
          "read_only",
          "super_read_only",
          "timestamp",
          "pseudo_thread_id",
          "wsrep_*");

  private ConfigurationVariables() {}

  /** Whether a variable name matches one of the names or {@code prefix*} patterns. */
  static boolean matches(String variable, Collection<String> patterns) {
    String name = variable.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      String lower = pattern.toLowerCase(Locale.ROOT);
      if (lower.endsWith("*")
          ? name.startsWith(lower.substring(0, lower.length() - 1))
          : name.equals(lower)) {
        return true;
      }
    }
    return false;
  }
}
