package io.ferry.alerts.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ferry.yamlconfig.ConfigUnits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * Posts JSON to one HTTP receiver and turns every failure into a {@link NotifyException}: a
 * connection error, a timeout, a 5xx or a 429 can be retried; any other status cannot. Messages
 * name the receiver, the target as given to the constructor (redacted where the URL is itself a
 * secret), the status and the start of the answer; the {@code Authorization} header never appears.
 */
public final class JsonHttpSender {

  /** How much of an error answer a message quotes, in characters. */
  static final int BODY_EXCERPT = 200;

  /** Serializes the receivers' payload records; absent (null) fields are left out. */
  public static final ObjectMapper JSON =
      JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private final String what;
  private final URI target;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param what names the receiver and its target for messages, e.g. {@code webhook receiver oncall
   *     (http://127.0.0.1:9000/hook)}; must not contain a secret
   * @param target where to post
   * @param timeout bound on connecting and on the whole exchange
   */
  public JsonHttpSender(String what, URI target, Duration timeout) {
    this.what = what;
    this.target = target;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Posts {@code body} as JSON.
   *
   * @param authorization value of the {@code Authorization} header, or null for none
   * @param accepted which statuses mean the receiver took the message
   * @return the answer's body
   */
  public String post(Object body, String authorization, IntPredicate accepted)
      throws NotifyException {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new NotifyException(what + ": cannot serialize the message: " + e, false, e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "ferry")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new NotifyException(
          what + ": no answer within " + ConfigUnits.formatDuration(timeout), true, e);
    } catch (IOException e) {
      throw new NotifyException(what + ": cannot send: " + e.getClass().getSimpleName(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotifyException(what + ": interrupted while sending", true, e);
    }
    int status = response.statusCode();
    if (accepted.test(status)) {
      return response.body();
    }
    throw new NotifyException(
        what + ": HTTP " + status + ": " + excerpt(response.body()), retryable(status));
  }

  /** Whether a receiver answering {@code status} may take the same message later: 5xx and 429. */
  public static boolean retryable(int status) {
    return status >= 500 || status == 429;
  }

  /** Whether {@code status} is a 2xx. */
  public static boolean success(int status) {
    return status / 100 == 2;
  }

  /**
   * {@code url} without user info, query and fragment, for messages: {@code
   * https://example.com:8443/hook}.
   */
  public static String withoutCredentials(URI url) {
    return url.getScheme() + "://" + url.getHost() + port(url) + url.getRawPath();
  }

  /** Only scheme, host and port of {@code url}, for URLs whose path is a secret. */
  public static String originOnly(URI url) {
    return url.getScheme() + "://" + url.getHost() + port(url) + "/<redacted>";
  }

  private static String port(URI url) {
    return url.getPort() < 0 ? "" : ":" + url.getPort();
  }

  static String excerpt(String body) {
    String oneLine = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "...";
  }

  @Override
  public String toString() {
    return what;
  }
}
