package io.ferry.lineprotocol;

import java.util.TreeMap;

/**
 * The tags of one parsed line, built by {@link PointLineParser} and handed to the {@link Point} it
 * makes without being copied: no one else holds it, and no one outside this package can make one.
 */
final class ParsedTags extends TreeMap<String, String> {
  private static final long serialVersionUID = 1L;
}
