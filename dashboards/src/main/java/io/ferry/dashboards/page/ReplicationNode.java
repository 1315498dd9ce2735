package io.ferry.dashboards.page;

/**
 * One database server as its agent reported it (measurement {@code mysql}).
 *
 * @param host the agent's {@code host} tag
 * @param cluster the {@code cluster} tag ({@code old}/{@code new}), or null
 * @param role the {@code role} tag, or null
 * @param readOnly {@code read_only}, or null when not reported
 * @param gtidPosition {@code gtid_current_pos} (MariaDB) or {@code gtid_executed} (MySQL)
 * @param version the server version
 */
public record ReplicationNode(
    String host,
    String cluster,
    String role,
    Boolean readOnly,
    String gtidPosition,
    String version) {}
