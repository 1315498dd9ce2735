package io.ferry.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Samples from the Prometheus text exposition format (version 0.0.4), as the exporters serve it.
 * Comment lines ({@code # HELP}, {@code # TYPE}) are skipped; a line that is not a sample is an
 * error naming the line, so a format surprise fails the test that reads it instead of passing it.
 */
public final class PrometheusSamples {

  /** One sample: metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusSamples(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  /**
   * Parses an exposition.
   *
   * @throws IllegalArgumentException naming the line that is not a sample
   */
  public static PrometheusSamples parse(String text) {
    List<Sample> samples = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        samples.add(parseSample(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not a sample (" + e.getMessage() + "): " + line, e);
      }
    }
    return new PrometheusSamples(samples);
  }

  private static Sample parseSample(String line) {
    int nameEnd = 0;
    while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
      nameEnd++;
    }
    String name = line.substring(0, nameEnd);
    Map<String, String> labels = new LinkedHashMap<>();
    int position = nameEnd;
    if (position < line.length() && line.charAt(position) == '{') {
      position = parseLabels(line, position + 1, labels);
    }
    String[] rest = line.substring(position).strip().split("\\s+");
    return new Sample(name, labels, parseValue(rest[0]));
  }

  /** Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
  private static int parseLabels(String line, int start, Map<String, String> labels) {
    int i = start;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String label = line.substring(i, equals).strip();
      if (line.charAt(equals + 1) != '"') {
        throw new IllegalArgumentException("label " + label + " has no quoted value");
      }
      StringBuilder value = new StringBuilder();
      int j = equals + 2;
      for (; line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\') {
          char escaped = line.charAt(++j);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      labels.put(label, value.toString());
      i = j + 1;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** Every sample, in the order served. */
  public List<Sample> all() {
    return samples;
  }

  /** The samples of one metric. */
  public List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /**
   * The value of the one sample of {@code name} whose labels include {@code labels} (given as name,
   * value, name, value...), or empty when there is none.
   *
   * @throws IllegalStateException if more than one sample matches
   */
  public OptionalDouble value(String name, String... labels) {
    List<Sample> matching =
        named(name).stream()
            .filter(
                s -> {
                  for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                      return false;
                    }
                  }
                  return true;
                })
            .toList();
    if (matching.size() > 1) {
      throw new IllegalStateException(
          matching.size() + " samples of " + name + " match " + List.of(labels));
    }
    return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
  }
}
