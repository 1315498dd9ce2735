package io.ferry.agent.input.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access log's line format, written as an nginx {@code log_format} ({@code $remote_addr …
 * $request_time}), as an Apache {@code LogFormat} ({@code %h … %D}), or as one of the {@link
 * #PRESETS}. It is compiled into one regular expression; each variable matches up to the literal
 * text that follows it (inside double quotes, up to the closing quote, with {@code \"} escapes).
 * The variables that matter are the status, the request (or its method), the request time and, when
 * present, the virtual host; the others are matched and ignored.
 */
public final class LogFormat {

  /** nginx's {@code combined} format followed by {@code $request_time}. */
  public static final String NGINX =
      "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
          + " \"$http_referer\" \"$http_user_agent\" $request_time";

  /** Apache's {@code combined} format followed by {@code %D} (microseconds). */
  public static final String APACHE =
      "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" %D";

  /** The named formats and what they stand for. */
  public static final Map<String, String> PRESETS =
      Map.of(
          "nginx",
          NGINX,
          "nginx_vhost",
          "$host " + NGINX,
          "apache",
          APACHE,
          "apache_vhost",
          "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\" %D");

  /** The default format: {@code nginx}. */
  public static final String DEFAULT = "nginx";

  private static final Pattern NGINX_VARIABLE =
      Pattern.compile("\\$(?:\\{([a-zA-Z0-9_]+)\\}|([a-zA-Z0-9_]+))");
  private static final Pattern APACHE_DIRECTIVE =
      Pattern.compile("%(?:[<>]|!?[0-9,]+)*(?:\\{([^}]*)\\})?([a-zA-Z%])");

  private final String text;
  private final Pattern pattern;
  private final Map<Field, String> groups;
  private final TimeUnitOfLog timeUnit;

  private LogFormat(
      String text, Pattern pattern, Map<Field, String> groups, TimeUnitOfLog timeUnit) {
    this.text = text;
    this.pattern = pattern;
    this.groups = groups;
    this.timeUnit = timeUnit;
  }

  /** The fields the input reads from a line. */
  enum Field {
    HOST,
    REQUEST,
    METHOD,
    STATUS,
    REQUEST_TIME
  }

  /** The unit a request-time variable is written in. */
  enum TimeUnitOfLog {
    SECONDS_FRACTION,
    MILLISECONDS,
    MICROSECONDS,
    WHOLE_SECONDS
  }

  /**
   * The format a preset name or a format string stands for.
   *
   * @throws IllegalArgumentException naming what is missing (status, request or method, request
   *     time) or what is malformed
   */
  public static LogFormat parse(String formatOrPreset) {
    String text = PRESETS.getOrDefault(formatOrPreset.trim(), formatOrPreset);
    List<Token> tokens = text.contains("$") ? nginxTokens(text) : apacheTokens(text);
    return compile(text, tokens);
  }

  /** The format as configured (a preset's text once expanded). */
  public String text() {
    return text;
  }

  /** Whether lines carry the virtual host. */
  public boolean hasHost() {
    return groups.containsKey(Field.HOST);
  }

  /** The parts of a line the input uses; empty when the line does not have this format. */
  Optional<Matcher> match(String line) {
    Matcher matcher = pattern.matcher(line);
    return matcher.matches() ? Optional.of(matcher) : Optional.empty();
  }

  /** A field's text in a matched line; empty when the format has no such variable. */
  Optional<String> field(Matcher matched, Field field) {
    String group = groups.get(field);
    return group == null ? Optional.empty() : Optional.ofNullable(matched.group(group));
  }

  TimeUnitOfLog timeUnit() {
    return timeUnit;
  }

  /** A piece of a format: literal text, or a variable with its role (empty when ignored). */
  private record Token(String literal, Optional<Field> field, Optional<TimeUnitOfLog> unit) {
    static Token literal(String text) {
      return new Token(text, Optional.empty(), Optional.empty());
    }

    static Token variable(Optional<Field> field, Optional<TimeUnitOfLog> unit) {
      return new Token(null, field, unit);
    }

    boolean isLiteral() {
      return literal != null;
    }
  }

  private static List<Token> nginxTokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = NGINX_VARIABLE.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        tokens.add(Token.literal(text.substring(last, m.start())));
      }
      String name = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
      tokens.add(nginxVariable(name));
      last = m.end();
    }
    if (last < text.length()) {
      tokens.add(Token.literal(text.substring(last)));
    }
    return tokens;
  }

  private static Token nginxVariable(String name) {
    return switch (name) {
      case "host", "server_name", "http_host" -> Token.variable(Optional.of(Field.HOST), none());
      case "request" -> Token.variable(Optional.of(Field.REQUEST), none());
      case "request_method" -> Token.variable(Optional.of(Field.METHOD), none());
      case "status" -> Token.variable(Optional.of(Field.STATUS), none());
      case "request_time" ->
          Token.variable(
              Optional.of(Field.REQUEST_TIME), Optional.of(TimeUnitOfLog.SECONDS_FRACTION));
      default -> Token.variable(Optional.empty(), none());
    };
  }

  private static List<Token> apacheTokens(String configText) {
    String text = configText.replace("\\\"", "\"").replace("\\t", "\t");
    List<Token> tokens = new ArrayList<>();
    Matcher m = APACHE_DIRECTIVE.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        tokens.add(Token.literal(text.substring(last, m.start())));
      }
      String argument = m.group(1);
      char directive = m.group(2).charAt(0);
      if (directive == '%') {
        tokens.add(Token.literal("%"));
      } else if (directive == 't' && argument == null) {
        // %t writes the time in brackets: [10/Oct/2000:13:55:36 -0700]
        tokens.add(Token.literal("["));
        tokens.add(Token.variable(Optional.empty(), none()));
        tokens.add(Token.literal("]"));
      } else {
        tokens.add(apacheDirective(directive, argument));
      }
      last = m.end();
    }
    if (last < text.length()) {
      tokens.add(Token.literal(text.substring(last)));
    }
    return tokens;
  }

  private static Token apacheDirective(char directive, String argument) {
    return switch (directive) {
      case 'v', 'V' -> Token.variable(Optional.of(Field.HOST), none());
      case 'r' -> Token.variable(Optional.of(Field.REQUEST), none());
      case 'm' -> Token.variable(Optional.of(Field.METHOD), none());
      case 's' -> Token.variable(Optional.of(Field.STATUS), none());
      case 'D' ->
          Token.variable(Optional.of(Field.REQUEST_TIME), Optional.of(TimeUnitOfLog.MICROSECONDS));
      case 'T' ->
          Token.variable(
              Optional.of(Field.REQUEST_TIME),
              Optional.of(
                  switch (argument == null ? "s" : argument) {
                    case "ms" -> TimeUnitOfLog.MILLISECONDS;
                    case "us" -> TimeUnitOfLog.MICROSECONDS;
                    default -> TimeUnitOfLog.WHOLE_SECONDS;
                  }));
      default -> Token.variable(Optional.empty(), none());
    };
  }

  private static Optional<TimeUnitOfLog> none() {
    return Optional.empty();
  }

  private static LogFormat compile(String text, List<Token> tokens) {
    var regex = new StringBuilder();
    var groups = new java.util.EnumMap<Field, String>(Field.class);
    TimeUnitOfLog unit = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isLiteral()) {
        regex.append(Pattern.quote(token.literal()));
        continue;
      }
      String next =
          i + 1 < tokens.size() && tokens.get(i + 1).isLiteral() ? tokens.get(i + 1).literal() : "";
      String value = valuePattern(next, i + 1 == tokens.size());
      if (token.field().isPresent() && !groups.containsKey(token.field().get())) {
        String group = token.field().get().name().replace("_", "");
        groups.put(token.field().get(), group);
        regex.append("(?<").append(group).append('>').append(value).append(')');
        if (token.unit().isPresent()) {
          unit = token.unit().get();
        }
      } else {
        regex.append("(?:").append(value).append(')');
      }
    }
    if (!groups.containsKey(Field.STATUS)) {
      throw new IllegalArgumentException("the format has no status ($status or %>s)");
    }
    if (!groups.containsKey(Field.REQUEST) && !groups.containsKey(Field.METHOD)) {
      throw new IllegalArgumentException(
          "the format has no request ($request or %r) or method ($request_method or %m)");
    }
    if (!groups.containsKey(Field.REQUEST_TIME)) {
      throw new IllegalArgumentException(
          "the format has no request time ($request_time, %D or %T)");
    }
    return new LogFormat(text, Pattern.compile(regex.toString()), Map.copyOf(groups), unit);
  }

  /** What a variable's value may contain, given the literal text after it. */
  private static String valuePattern(String nextLiteral, boolean last) {
    if (last) {
      return ".*";
    }
    if (nextLiteral.isEmpty()) {
      return "\\S*";
    }
    char stop = nextLiteral.charAt(0);
    if (stop == '"') {
      return "(?:[^\"\\\\]|\\\\.)*";
    }
    String escaped = "\\[]^-&".indexOf(stop) >= 0 ? "\\" + stop : String.valueOf(stop);
    return "[^" + escaped + "]*";
  }
}
