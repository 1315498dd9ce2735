package io.ferry.cutover;

import java.util.Locale;

/** What a server does on its side of the migration. */
public enum NodeRole {
  /** The server that takes (or will take) writes on its side. */
  PRIMARY,
  /** A server that only replicates. */
  REPLICA;

  /** {@code primary} or {@code replica}, as reports and descriptions write it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return label();
  }
}
