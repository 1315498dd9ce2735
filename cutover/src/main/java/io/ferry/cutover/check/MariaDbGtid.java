package io.ferry.cutover.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One MariaDB global transaction id, {@code domain-server-sequence}.
 *
 * @param domain replication domain ({@code gtid_domain_id} of the server that wrote it)
 * @param serverId {@code server_id} of the server that wrote it
 * @param sequence sequence number within the domain
 */
public record MariaDbGtid(long domain, long serverId, long sequence) {

  @Override
  public String toString() {
    return domain + "-" + serverId + "-" + sequence;
  }

  /**
   * Parses a GTID list such as {@code @@gtid_binlog_pos} or {@code @@gtid_binlog_state}: comma
   * separated, possibly with spaces and new lines; empty text is an empty list.
   *
   * @throws IllegalArgumentException naming the entry that is not {@code domain-server-seq}
   */
  public static List<MariaDbGtid> parseList(String text) {
    List<MariaDbGtid> gtids = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return gtids;
    }
    for (String entry : text.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("-");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "not a MariaDB GTID (domain-server-sequence): '" + trimmed + "' in '" + text + "'");
      }
      try {
        gtids.add(
            new MariaDbGtid(
                Long.parseUnsignedLong(parts[0]),
                Long.parseUnsignedLong(parts[1]),
                Long.parseUnsignedLong(parts[2])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "not a MariaDB GTID (domain-server-sequence): '" + trimmed + "' in '" + text + "'", e);
      }
    }
    return gtids;
  }

  /** The highest sequence per domain of a GTID list, in the list's order of domains. */
  public static Map<Long, MariaDbGtid> latestPerDomain(List<MariaDbGtid> gtids) {
    Map<Long, MariaDbGtid> latest = new LinkedHashMap<>();
    for (MariaDbGtid gtid : gtids) {
      latest.merge(gtid.domain(), gtid, (a, b) -> a.sequence() >= b.sequence() ? a : b);
    }
    return latest;
  }

  /** Renders a GTID list in the server's format, for {@code MASTER_GTID_WAIT}. */
  public static String render(List<MariaDbGtid> gtids) {
    return String.join(",", gtids.stream().map(MariaDbGtid::toString).toList());
  }
}
