package io.ferry.lineprotocol;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Lines made wrong the way senders and networks make them, for the parser's property tests. */
final class LineMutations {

  private LineMutations() {}

  /**
   * A line with one to three characters inserted, replaced or deleted, the characters taken from
   * {@code interesting}.
   */
  static Arbitrary<String> mutated(Arbitrary<String> lines, Arbitrary<Character> interesting) {
    return Combinators.combine(
            lines,
            interesting.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().list().ofSize(3),
            Arbitraries.integers().between(0, 2))
        .as(
            (line, chars, positions, kind) -> {
              var out = new StringBuilder(line);
              for (int m = 0; m < chars.size(); m++) {
                int at = Math.floorMod(positions.get(m), out.length() + 1);
                if (kind == 0) {
                  out.insert(at, chars.get(m));
                } else if (at < out.length()) {
                  if (kind == 1) {
                    out.setCharAt(at, chars.get(m));
                  } else {
                    out.deleteCharAt(at);
                  }
                }
              }
              return out.toString();
            });
  }
}
