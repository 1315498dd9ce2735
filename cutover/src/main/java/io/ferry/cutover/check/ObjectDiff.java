package io.ferry.cutover.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares two name-to-definition maps and describes each difference on one line. */
final class ObjectDiff {

  /** Most difference lines kept as evidence; the rest are counted. */
  static final int MAX_LINES = 50;

  private ObjectDiff() {}

  /**
   * The differences between the old and the new side, sorted by name: {@code only on old: NAME},
   * {@code only on new: NAME}, {@code differs: NAME: old [DEF] new [DEF]}.
   */
  static List<String> diff(Map<String, String> oldSide, Map<String, String> newSide) {
    List<String> lines = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(oldSide.keySet());
    names.addAll(newSide.keySet());
    for (String name : names) {
      String before = oldSide.get(name);
      String after = newSide.get(name);
      if (after == null) {
        lines.add("only on old: " + name);
      } else if (before == null) {
        lines.add("only on new: " + name);
      } else if (!Objects.equals(before, after)) {
        lines.add("differs: " + name + ": old [" + before + "] new [" + after + "]");
      }
    }
    return lines;
  }

  /** At most {@link #MAX_LINES} lines, then one line counting the rest. */
  static List<String> capped(List<String> lines) {
    if (lines.size() <= MAX_LINES) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, MAX_LINES));
    kept.add("... and " + (lines.size() - MAX_LINES) + " more");
    return kept;
  }
}
