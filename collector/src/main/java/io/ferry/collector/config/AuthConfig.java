package io.ferry.collector.config;

import java.util.List;

/**
 * Who may talk to the collector ({@code auth:}).
 *
 * @param tokens the accepted tokens ({@code tokens}), one per agent or per fleet; at least one is
 *     required, since every request except {@code GET /ping} is authenticated
 */
public record AuthConfig(List<ApiToken> tokens) {

  public AuthConfig {
    tokens = List.copyOf(tokens);
  }
}
