package io.ferry.cutover.check;

import java.util.List;

/**
 * What one primary showed at one moment, for the post-cutover traffic checks.
 *
 * @param questions the {@code Questions} status counter (statements from clients)
 * @param ownWrites how far the transactions the server wrote itself have got: on MariaDB the
 *     highest sequence number of its own {@code server_id} in {@code gtid_binlog_state}, on MySQL
 *     the end of its own {@code server_uuid}'s interval in {@code gtid_executed}; 0 when none
 * @param sessions client sessions connected ({@code user@host db command}), replication and the
 *     server's own threads left out
 */
public record TrafficSample(long questions, long ownWrites, List<String> sessions) {

  public TrafficSample {
    sessions = List.copyOf(sessions);
  }
}
