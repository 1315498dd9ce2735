package io.ferry.cutover.data;

import java.sql.SQLException;

/** Measures how busy the servers are. */
@FunctionalInterface
public interface LoadProbe {

  /** The current load. */
  ServerLoad read() throws SQLException;
}
