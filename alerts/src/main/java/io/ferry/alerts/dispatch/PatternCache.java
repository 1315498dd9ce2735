package io.ferry.alerts.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiled regular expressions of matchers, so that a record keeps only its text and matching does
 * not compile on every call. Bounded by the configuration: matchers come from the config file and
 * from silences.
 */
final class PatternCache {

  private static final int MAX_SIZE = 10_000;
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private PatternCache() {}

  static Pattern get(String regex) {
    Pattern cached = PATTERNS.get(regex);
    if (cached != null) {
      return cached;
    }
    Pattern compiled = Pattern.compile(regex);
    if (PATTERNS.size() >= MAX_SIZE) {
      PATTERNS.clear();
    }
    PATTERNS.put(regex, compiled);
    return compiled;
  }
}
