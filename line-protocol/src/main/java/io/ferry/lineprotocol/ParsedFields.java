package io.ferry.lineprotocol;

import java.util.LinkedHashMap;

/**
 * The fields of one parsed line, in line order, built by {@link PointLineParser} and handed to the
 * {@link Point} it makes without being copied: no one else holds it, and no one outside this
 * package can make one.
 */
final class ParsedFields extends LinkedHashMap<String, FieldValue> {
  private static final long serialVersionUID = 1L;
}
