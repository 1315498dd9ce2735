package io.ferry.agent.input.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLogParserTest {

  @Test
  void nginxPresetReadsMethodStatusAndRequestTimeInSeconds() throws IOException {
    var parser = new AccessLogParser(LogFormat.parse("nginx"));
    List<String> lines = fixture("nginx-combined-request-time.log");

    assertThat(parser.parse(lines.get(0)))
        .contains(new AccessLogEntry(Optional.empty(), "GET", 200, Duration.ofMillis(4)));
    assertThat(parser.parse(lines.get(1)))
        .as("escaped quotes in the user agent")
        .contains(new AccessLogEntry(Optional.empty(), "POST", 201, Duration.ofMillis(250)));
    assertThat(parser.parse(lines.get(2)))
        .as("an unknown method is OTHER")
        .contains(new AccessLogEntry(Optional.empty(), "OTHER", 418, Duration.ofMillis(1500)));
    assertThat(parser.parse(lines.get(3)).orElseThrow().statusClass()).isEqualTo("5xx");
    assertThat(parser.parse(lines.get(4))).as("not a log line").isEmpty();
    assertThat(parser.parse(lines.get(5))).as("no request time").isEmpty();
  }

  @Test
  void apacheVhostPresetReadsTheHostAndMicroseconds() throws IOException {
    var format = LogFormat.parse("apache_vhost");
    var parser = new AccessLogParser(format);
    List<String> lines = fixture("apache-vhost-combined-d.log");

    assertThat(format.hasHost()).isTrue();
    assertThat(parser.parse(lines.get(0)))
        .contains(
            new AccessLogEntry(
                Optional.of("shop.example.com"), "GET", 200, Duration.ofNanos(4_123_000)));
    assertThat(parser.parse(lines.get(1)))
        .contains(
            new AccessLogEntry(
                Optional.of("blog.example.com"), "HEAD", 304, Duration.ofMillis(250)));
  }

  @Test
  void aCustomApacheFormatAsWrittenInApacheConfigWithEscapedQuotes() {
    var parser = new AccessLogParser(LogFormat.parse("%V %h %t \\\"%r\\\" %>s %{ms}T"));

    assertThat(
            parser.parse(
                "www.example.org 192.0.2.1 [26/Nov/2026:10:00:01 +0000] \"DELETE /x HTTP/1.1\" 204 17"))
        .contains(
            new AccessLogEntry(
                Optional.of("www.example.org"), "DELETE", 204, Duration.ofMillis(17)));
  }

  @Test
  void aCustomNginxFormatWithMethodAndServerName() {
    var parser =
        new AccessLogParser(
            LogFormat.parse("$server_name|$request_method|$status|$request_time|$upstream_addr"));

    assertThat(parser.parse("api.example.com|put|500|0.010|10.0.0.5:8080"))
        .contains(
            new AccessLogEntry(Optional.of("api.example.com"), "PUT", 500, Duration.ofMillis(10)));
    assertThat(parser.parse("api.example.com|GET|999|0.010|10.0.0.5:8080"))
        .as("a status out of range")
        .isEmpty();
  }

  @Test
  void aFormatWithoutStatusOrRequestTimeIsRejectedWithWhatIsMissing() {
    assertThatThrownBy(() -> LogFormat.parse("$remote_addr $request $request_time"))
        .hasMessage("the format has no status ($status or %>s)");
    assertThatThrownBy(() -> LogFormat.parse("%h \"%r\" %>s %b"))
        .hasMessage("the format has no request time ($request_time, %D or %T)");
  }

  private static List<String> fixture(String name) throws IOException {
    try (InputStream in = AccessLogParserTest.class.getResourceAsStream("/accesslog/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
