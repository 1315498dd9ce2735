package io.ferry.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one MariaDB server of the test kit is configured.
 *
 * @param name instance name, also its directory name under the state directory; letters, digits,
 *     {@code -} and {@code _} only (it becomes part of file paths)
 * @param serverId replication {@code server_id}, distinct on every server of a topology; at least 1
 * @param gtidDomainId {@code gtid_domain_id} of transactions written on this server, distinct per
 *     writable server so that master/master GTID positions never collide; 0 or more
 * @param autoIncrementIncrement {@code auto_increment_increment}: step between generated ids, the
 *     number of writable servers in a master/master pair; at least 1
 * @param autoIncrementOffset {@code auto_increment_offset}: first generated id, from 1 to the
 *     increment, distinct on each writable server
 * @param readOnly {@code read_only}: whether ordinary users are refused writes (replication and
 *     users with {@code READ_ONLY ADMIN}, such as the kit's admin, still write)
 * @param serverOptions more {@code [mysqld]} lines, e.g. {@code ssl-ca = /path/ca.pem}, written
 *     after the kit's own; default none
 */
public record MariaDbOptions(
    String name,
    int serverId,
    int gtidDomainId,
    int autoIncrementIncrement,
    int autoIncrementOffset,
    boolean readOnly,
    List<String> serverOptions) {

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** Without extra server options. */
  public MariaDbOptions(
      String name,
      int serverId,
      int gtidDomainId,
      int autoIncrementIncrement,
      int autoIncrementOffset,
      boolean readOnly) {
    this(
        name,
        serverId,
        gtidDomainId,
        autoIncrementIncrement,
        autoIncrementOffset,
        readOnly,
        List.of());
  }

  public MariaDbOptions {
    Objects.requireNonNull(name, "name");
    serverOptions = List.copyOf(serverOptions);
    for (String line : serverOptions) {
      if (line.contains("\n") || line.contains("\r")) {
        throw new IllegalArgumentException(name + ": a server option must be one line: " + line);
      }
    }
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "MariaDB instance name must use letters, digits, '-' and '_' only: '" + name + "'");
    }
    if (serverId < 1) {
      throw new IllegalArgumentException(name + ": serverId must be at least 1, was " + serverId);
    }
    if (gtidDomainId < 0) {
      throw new IllegalArgumentException(
          name + ": gtidDomainId must be 0 or more, was " + gtidDomainId);
    }
    if (autoIncrementIncrement < 1) {
      throw new IllegalArgumentException(
          name + ": autoIncrementIncrement must be at least 1, was " + autoIncrementIncrement);
    }
    if (autoIncrementOffset < 1 || autoIncrementOffset > autoIncrementIncrement) {
      throw new IllegalArgumentException(
          name
              + ": autoIncrementOffset must be between 1 and autoIncrementIncrement ("
              + autoIncrementIncrement
              + "), was "
              + autoIncrementOffset);
    }
  }

  /**
   * Starts a builder with the defaults of a lone writable server: server id 1, GTID domain 0,
   * auto-increment step 1 from 1, writable.
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds {@link MariaDbOptions}; see the record's components for each value's meaning. */
  public static final class Builder {
    private final String name;
    private int serverId = 1;
    private int gtidDomainId = 0;
    private int autoIncrementIncrement = 1;
    private int autoIncrementOffset = 1;
    private boolean readOnly = false;
    private final List<String> serverOptions = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Sets {@code server_id}; default 1. */
    public Builder serverId(int serverId) {
      this.serverId = serverId;
      return this;
    }

    /** Sets {@code gtid_domain_id}; default 0. */
    public Builder gtidDomainId(int gtidDomainId) {
      this.gtidDomainId = gtidDomainId;
      return this;
    }

    /** Sets {@code auto_increment_increment} and {@code auto_increment_offset}; default 1 and 1. */
    public Builder autoIncrement(int increment, int offset) {
      this.autoIncrementIncrement = increment;
      this.autoIncrementOffset = offset;
      return this;
    }

    /** Sets {@code read_only}; default false (writable). */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /** Adds one {@code [mysqld]} line, e.g. {@code ssl-cert = /path/server.pem}. */
    public Builder serverOption(String line) {
      this.serverOptions.add(line);
      return this;
    }

    /**
     * Returns the options.
     *
     * @throws IllegalArgumentException naming the instance and the value that is out of range
     */
    public MariaDbOptions build() {
      return new MariaDbOptions(
          name,
          serverId,
          gtidDomainId,
          autoIncrementIncrement,
          autoIncrementOffset,
          readOnly,
          serverOptions);
    }
  }
}
