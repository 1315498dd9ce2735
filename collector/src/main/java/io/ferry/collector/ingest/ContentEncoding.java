package io.ferry.collector.ingest;

import java.util.Locale;

/**
 * How a write body is encoded, from its {@code Content-Encoding} header. As in InfluxDB, only gzip
 * is decoded; any other value (or none) means the body is taken as it is.
 */
public enum ContentEncoding {
  IDENTITY,
  GZIP;

  /** The encoding a {@code Content-Encoding} header names (case-insensitive); null is identity. */
  public static ContentEncoding fromHeader(String header) {
    if (header != null && header.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
      return GZIP;
    }
    return IDENTITY;
  }
}
