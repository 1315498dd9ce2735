package io.ferry.cli.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.AlertsJson;
import io.ferry.cli.FerryCommand;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a running collector's JSON API with its token, for the command-line tools. Every failure
 * becomes a {@link CollectorApiException} whose message is one line naming the URL: unreachable or
 * token refused exit with {@link FerryCommand#EXIT_FAILURE}, a request the collector rejects as
 * invalid (HTTP 400) with {@link FerryCommand#EXIT_CONFIG}.
 */
final class CollectorApiClient {

  /** Bound on connecting and on each whole request: 10 seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = AlertsJson.mapper();

  private final URI base;
  private final String token;
  private final HttpClient client;

  CollectorApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code GET path}, the answer's JSON. */
  JsonNode get(String path) throws CollectorApiException {
    return json(send(request(path).GET(), path));
  }

  /** {@code POST path} with {@code body} as JSON, the answer's JSON. */
  JsonNode post(String path, Object body) throws CollectorApiException {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize " + body, e);
    }
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    return json(send(request, path));
  }

  /** {@code DELETE path/segment}, the segment URL-encoded. */
  void delete(String path, String segment) throws CollectorApiException {
    String full =
        path + "/" + URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    send(request(full).DELETE(), full);
  }

  /** The collector's address, for messages. */
  URI base() {
    return base;
  }

  /** {@code base} with {@code path}, for messages; the token is never part of it. */
  String url(String path) {
    return base + path;
  }

  /** Reads an answer known to be JSON. */
  <T> T read(JsonNode node, Class<T> type) throws CollectorApiException {
    try {
      return JSON.treeToValue(node, type);
    } catch (IOException e) {
      throw new CollectorApiException(
          "unexpected answer from the collector at " + base + ": " + firstLine(e.getMessage()),
          FerryCommand.EXIT_FAILURE);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String path)
      throws CollectorApiException {
    String url = url(path);
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new CollectorApiException(
          "the collector at " + url + " did not answer within " + TIMEOUT.toSeconds() + "s",
          FerryCommand.EXIT_FAILURE);
    } catch (ConnectException e) {
      throw new CollectorApiException(
          "cannot reach the collector at " + url + ": connection refused (is it running?)",
          FerryCommand.EXIT_FAILURE);
    } catch (IOException e) {
      throw new CollectorApiException(
          "cannot reach the collector at "
              + url
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())),
          FerryCommand.EXIT_FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CollectorApiException(
          "interrupted while calling the collector at " + url, FerryCommand.EXIT_FAILURE);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response;
    }
    String reason = reason(response.body());
    if (status == 401 || status == 403) {
      throw new CollectorApiException(
          "the collector at " + url + " refused the token: " + reason,
          FerryCommand.EXIT_FAILURE,
          status);
    }
    if (status == 400) {
      throw new CollectorApiException(
          "the collector at " + url + " rejected the request: " + reason,
          FerryCommand.EXIT_CONFIG,
          status);
    }
    throw new CollectorApiException(
        "the collector at " + url + " answered HTTP " + status + ": " + reason,
        FerryCommand.EXIT_FAILURE,
        status);
  }

  private static JsonNode json(HttpResponse<String> response) throws CollectorApiException {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CollectorApiException(
          "the collector at "
              + response.uri()
              + " answered something that is not JSON: "
              + excerpt(response.body()),
          FerryCommand.EXIT_FAILURE);
    }
  }

  /** The {@code error} or {@code message} of a JSON error answer, else the answer's start. */
  private static String reason(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      for (String key : new String[] {"error", "message"}) {
        if (node != null && node.path(key).isTextual()) {
          return node.path(key).asText();
        }
      }
    } catch (IOException e) {
      // not JSON: quote it
    }
    return excerpt(body);
  }

  private static String excerpt(String body) {
    String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
