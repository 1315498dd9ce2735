package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.HeartbeatTable;
import java.util.Objects;

/**
 * The optional pt-heartbeat compatible heartbeat of one MySQL input ({@code
 * inputs.mysql[].heartbeat} in the agent's YAML). Absent means no heartbeat.
 *
 * <p>When set, every collection adds {@code heartbeat_lag_seconds} and {@code heartbeat_age_known}
 * to each {@code mysql_replication} point: the age of the row the channel's source wrote, measured
 * by the replica's own clock. Reading needs {@code SELECT} on the table; the agent never creates
 * it.
 *
 * @param table the heartbeat table, {@code database.table} (required once {@code heartbeat} is set;
 *     pt-heartbeat's default is {@value HeartbeatTable#DEFAULT_NAME})
 * @param update whether this agent writes this server's heartbeat row at every collection, like
 *     {@code pt-heartbeat --update --utc}; it then needs {@code INSERT, UPDATE} on that one table
 *     (default {@code false}: only read)
 * @param sourceServerId whose row to read for lag: a {@code server_id}, or {@code 0} for the {@code
 *     server_id} of each channel's own source ({@code Master_Server_Id}) (default {@code 0})
 */
public record HeartbeatConfig(HeartbeatTable table, boolean update, long sourceServerId) {

  /** Default of {@link #update()}: read only. */
  public static final boolean DEFAULT_UPDATE = false;

  /** Default of {@link #sourceServerId()}: each channel's own source. */
  public static final long EACH_CHANNELS_SOURCE = 0;

  /** The largest {@code server_id} MySQL and MariaDB accept. */
  public static final long MAX_SERVER_ID = 4_294_967_295L;

  public HeartbeatConfig {
    Objects.requireNonNull(table, "table");
    if (sourceServerId < 0 || sourceServerId > MAX_SERVER_ID) {
      throw new IllegalArgumentException(
          "sourceServerId " + sourceServerId + " is not from 0 to " + MAX_SERVER_ID);
    }
  }
}
