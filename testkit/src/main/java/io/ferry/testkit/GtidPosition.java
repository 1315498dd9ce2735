package io.ferry.testkit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MariaDB GTID position such as {@code 1-1-42,3-3-7}: per replication domain, the sequence number
 * of the last transaction (the server-id part is not needed to compare positions).
 *
 * @param seqnoByDomain sequence number of the last transaction of each domain
 */
record GtidPosition(Map<Long, Long> seqnoByDomain) {

  static final GtidPosition EMPTY = new GtidPosition(Map.of());

  private static final Pattern GTID = Pattern.compile("(\\d{1,10})-\\d{1,10}-(\\d{1,18})");

  GtidPosition {
    seqnoByDomain = Collections.unmodifiableMap(new TreeMap<>(seqnoByDomain));
  }

  /**
   * Parses the text of {@code @@gtid_binlog_pos} or {@code @@gtid_slave_pos}; an empty or null text
   * is the empty position. When a domain appears twice, the higher sequence number counts.
   *
   * @throws IllegalArgumentException naming the text and the part that is not {@code
   *     domain-server-seqno}
   */
  static GtidPosition parse(String text) {
    Map<Long, Long> seqnos = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    for (String gtid : text.split(",")) {
      Matcher parts = GTID.matcher(gtid.strip());
      if (!parts.matches()) {
        throw new IllegalArgumentException(
            "not a GTID (domain-server-seqno): '" + gtid.strip() + "' in '" + text + "'");
      }
      seqnos.merge(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)), Math::max);
    }
    return new GtidPosition(seqnos);
  }

  /** The position holding, per domain, the higher sequence number of this and {@code other}. */
  GtidPosition union(GtidPosition other) {
    Map<Long, Long> merged = new TreeMap<>(seqnoByDomain);
    other.seqnoByDomain.forEach((domain, seqno) -> merged.merge(domain, seqno, Math::max));
    return new GtidPosition(merged);
  }

  /** Whether this position has reached {@code target} in every domain of {@code target}. */
  boolean reached(GtidPosition target) {
    return target.seqnoByDomain.entrySet().stream()
        .allMatch(e -> seqnoByDomain.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    seqnoByDomain.forEach(
        (domain, seqno) ->
            text.append(text.length() == 0 ? "" : ",")
                .append("domain ")
                .append(domain)
                .append(" seqno ")
                .append(seqno));
    return text.length() == 0 ? "(empty)" : text.toString();
  }
}
