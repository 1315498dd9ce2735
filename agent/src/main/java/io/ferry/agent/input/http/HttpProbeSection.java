package io.ferry.agent.input.http;

import io.ferry.agent.input.YamlOut;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.agent.input.histogram.SloBucketsOption;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code inputs.http} list and renders it for {@code --check-config}. */
public final class HttpProbeSection {

  private HttpProbeSection() {}

  /** The probes of {@code inputs.http}, checked; names are unique. */
  public static List<HttpProbeConfig> read(List<ConfigMapping> entries) {
    List<HttpProbeConfig> probes = new ArrayList<>();
    var names = new HashSet<String>();
    for (ConfigMapping entry : entries) {
      String name = entry.requiredString("name");
      if (!names.add(name)) {
        throw entry.problem("name", "\"" + name + "\" is used by another http probe");
      }
      probes.add(probe(entry, name));
    }
    return List.copyOf(probes);
  }

  private static HttpProbeConfig probe(ConfigMapping entry, String name) {
    URI url =
        entry
            .parsed(
                "url",
                "an http:// or https:// URL with a host, e.g. https://shop.example.com/health",
                HttpProbeSection::url)
            .orElseThrow(() -> entry.missing("url"));
    String method =
        entry.parsed(
            "method",
            HttpProbeConfig.DEFAULT_METHOD,
            "one of " + String.join(", ", HttpProbeConfig.METHODS.stream().sorted().toList()),
            text ->
                Optional.of(text.trim().toUpperCase(Locale.ROOT))
                    .filter(HttpProbeConfig.METHODS::contains));
    List<Integer> statuses = statuses(entry);
    Optional<BodyMatch> body = bodyMatch(entry);
    var timeout = entry.duration("timeout", HttpProbeConfig.DEFAULT_TIMEOUT);
    var interval = entry.duration("interval", HttpProbeConfig.DEFAULT_INTERVAL);
    if (timeout.compareTo(interval) > 0) {
      throw entry.problem(
          "timeout",
          "must not be longer than interval ("
              + ConfigUnits.formatDuration(interval)
              + "): one probe at a time");
    }
    Optional<String> hostHeader =
        entry
            .parsed(
                "host_header",
                "a host name with an optional port, such as shop.example.com or shop.example.com:8080",
                text -> Optional.of(text.trim()))
            .filter(h -> !h.isEmpty());
    if (hostHeader.isPresent() && HostAndPort.parseAuthority(hostHeader.get(), -1) == null) {
      throw entry.problem(
          "host_header",
          "\""
              + hostHeader.get()
              + "\" is not a host name with an optional port, such as"
              + " shop.example.com or shop.example.com:8080");
    }
    Optional<HostAndPort> connectTo =
        entry.parsed(
            "connect_to",
            "an address and port such as 10.0.0.5:443 or [2001:db8::5]:443",
            HttpProbeSection::address);
    return new HttpProbeConfig(
        name,
        url,
        method,
        statuses,
        body,
        timeout,
        interval,
        hostHeader,
        connectTo,
        entry.bool("tls_verify", HttpProbeConfig.DEFAULT_TLS_VERIFY),
        SloBucketsOption.read(entry, "buckets", SloBuckets.DEFAULT),
        entry.stringMap("tags"));
  }

  private static List<Integer> statuses(ConfigMapping entry) {
    List<String> texts =
        entry.stringList(
            "expected_status",
            HttpProbeConfig.DEFAULT_EXPECTED_STATUSES.stream().map(String::valueOf).toList());
    List<Integer> statuses = new ArrayList<>();
    for (String text : texts) {
      try {
        int status = Integer.parseInt(text.trim());
        if (status < 100 || status > 599) {
          throw new NumberFormatException();
        }
        statuses.add(status);
      } catch (NumberFormatException e) {
        throw entry.problem("expected_status", "\"" + text + "\" is not an HTTP status (100-599)");
      }
    }
    if (statuses.isEmpty()) {
      throw entry.problem("expected_status", "needs at least one status");
    }
    return statuses;
  }

  private static Optional<BodyMatch> bodyMatch(ConfigMapping entry) {
    Optional<String> contains = entry.string("body_contains").filter(t -> !t.isEmpty());
    Optional<String> regex = entry.string("body_regex").filter(t -> !t.isEmpty());
    if (contains.isPresent() && regex.isPresent()) {
      throw entry.problem("body_regex", "set either body_contains or body_regex, not both");
    }
    if (contains.isPresent()) {
      return Optional.of(new BodyMatch.Contains(contains.get()));
    }
    if (regex.isPresent()) {
      try {
        return Optional.of(new BodyMatch.Regex(Pattern.compile(regex.get())));
      } catch (PatternSyntaxException e) {
        throw entry.problem("body_regex", "is not a regular expression: " + e.getDescription());
      }
    }
    return Optional.empty();
  }

  static Optional<URI> url(String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      return http && uri.getHost() != null && uri.getFragment() == null
          ? Optional.of(uri)
          : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static Optional<HostAndPort> address(String text) {
    String trimmed = text.trim();
    int colon = trimmed.lastIndexOf(':');
    if (colon <= 0 || colon == trimmed.length() - 1) {
      return Optional.empty();
    }
    String host = trimmed.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(trimmed.substring(colon + 1));
      return port >= 1 && port <= 65_535 && !host.isBlank()
          ? Optional.of(HostAndPort.create(host, port))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The {@code http:} part of {@code inputs}, indented as in the configuration file. */
  public static void render(List<HttpProbeConfig> probes, StringBuilder out) {
    out.append("  http:").append(probes.isEmpty() ? " []\n" : "\n");
    for (HttpProbeConfig probe : probes) {
      out.append("    - name: ").append(YamlOut.quote(probe.name())).append('\n');
      line(out, "url", YamlOut.quote(probe.url().toString()));
      line(out, "method", probe.method());
      line(out, "expected_status", probe.expectedStatuses().toString());
      probe
          .bodyMatch()
          .ifPresent(
              match -> {
                if (match instanceof BodyMatch.Contains contains) {
                  line(out, "body_contains", YamlOut.quote(contains.text()));
                } else if (match instanceof BodyMatch.Regex regex) {
                  line(out, "body_regex", YamlOut.quote(regex.pattern().pattern()));
                }
              });
      line(out, "timeout", ConfigUnits.formatDuration(probe.timeout()));
      line(out, "interval", ConfigUnits.formatDuration(probe.interval()));
      line(out, "host_header", YamlOut.quote(probe.hostHeader().orElse("")));
      line(
          out,
          "connect_to",
          YamlOut.quote(
              probe
                  .connectTo()
                  .map(
                      a ->
                          (a.host().contains(":") ? "[" + a.host() + "]" : a.host())
                              + ":"
                              + a.port())
                  .orElse("")));
      line(out, "tls_verify", Boolean.toString(probe.tlsVerify()));
      line(out, "buckets", YamlOut.durations(probe.buckets().boundaries()));
      line(out, "tags", YamlOut.map(probe.tags()));
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("      ").append(key).append(": ").append(value).append('\n');
  }
}
