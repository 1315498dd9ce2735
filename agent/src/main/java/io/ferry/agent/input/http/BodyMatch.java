package io.ferry.agent.input.http;

import java.util.regex.Pattern;

/** What a probe's response body must contain for the probe to succeed. */
public sealed interface BodyMatch {

  /** Whether the body (decoded as UTF-8) matches. */
  boolean matches(String body);

  /** How the configuration file wrote it, for {@code --check-config}. */
  String describe();

  /** The body contains this text. */
  record Contains(String text) implements BodyMatch {
    @Override
    public boolean matches(String body) {
      return body.contains(text);
    }

    @Override
    public String describe() {
      return "contains \"" + text + "\"";
    }
  }

  /** A match of this regular expression is found somewhere in the body. */
  record Regex(Pattern pattern) implements BodyMatch {
    @Override
    public boolean matches(String body) {
      return pattern.matcher(body).find();
    }

    @Override
    public String describe() {
      return "matches /" + pattern.pattern() + "/";
    }
  }
}
