package io.ferry.collector.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertsJson;
import io.ferry.alerts.dispatch.MaintenanceWindow;
import io.ferry.alerts.dispatch.Matcher;
import io.ferry.alerts.dispatch.Silence;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alert API, every route behind the collector's token check:
 *
 * <ul>
 *   <li>{@code GET /api/v1/alerts}: pending and firing alerts, with the silence that mutes each;
 *   <li>{@code GET /api/v1/silences}, {@code POST /api/v1/silences} ({@code matchers}, {@code
 *       duration} or {@code endsAt}, {@code createdBy}, {@code comment}), {@code DELETE
 *       /api/v1/silences/:id} (expires it);
 *   <li>{@code GET /api/v1/maintenance-windows}, {@code POST} ({@code name}, {@code start}, {@code
 *       end}, {@code matchers}), {@code DELETE /api/v1/maintenance-windows/:name}.
 * </ul>
 *
 * Without an {@code alerts:} section every route answers 404 saying so. Bad input gets 400 with
 * what was wrong.
 */
public final class AlertRoutes {

  static final String ALERTS = "/api/v1/alerts";
  static final String SILENCES = "/api/v1/silences";
  static final String WINDOWS = "/api/v1/maintenance-windows";
  private static final List<String> PATHS =
      List.of(ALERTS, SILENCES, SILENCES + "/:id", WINDOWS, WINDOWS + "/:name");

  private static final ObjectMapper JSON = AlertsJson.mapper();

  /** A silence as posted. */
  record SilenceRequest(
      List<String> matchers,
      String startsAt,
      String endsAt,
      String duration,
      String createdBy,
      String comment) {}

  /** A maintenance window as posted. */
  record WindowRequest(String name, String start, String end, List<String> matchers) {}

  private final AlertService service;

  private AlertRoutes(AlertService service) {
    this.service = service;
  }

  /** The paths of the alert API, with their parameters ({@code /api/v1/silences/:id}). */
  public static List<String> paths() {
    return PATHS;
  }

  /** Adds the routes. */
  public static void mount(
      Router router,
      Handler<RoutingContext> authenticate,
      Optional<AlertService> service,
      BodyHandler body) {
    for (String path : PATHS) {
      router.route(path).handler(authenticate);
    }
    if (service.isEmpty()) {
      for (String path : PATHS) {
        router
            .route(path)
            .handler(
                ctx ->
                    error(
                        ctx,
                        404,
                        "alerting is not configured: add an alerts: section to the collector's"
                            + " configuration"));
      }
      return;
    }
    AlertRoutes routes = new AlertRoutes(service.get());
    router.get(ALERTS).handler(routes::listAlerts);
    router.get(SILENCES).handler(routes::listSilences);
    router.post(SILENCES).handler(body).handler(routes::addSilence);
    router.delete(SILENCES + "/:id").handler(routes::expireSilence);
    router.get(WINDOWS).handler(routes::listWindows);
    router.post(WINDOWS).handler(body).handler(routes::addWindow);
    router.delete(WINDOWS + "/:name").handler(routes::removeWindow);
  }

  private void listAlerts(RoutingContext ctx) {
    Instant now = service.now();
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Alert alert : service.alerts()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("labels", alert.labels().values());
      item.put("annotations", alert.annotations());
      item.put("status", alert.status().name().toLowerCase(Locale.ROOT));
      item.put("activeSince", alert.activeSince());
      item.put("firingSince", alert.firingSince());
      item.put("value", Double.isNaN(alert.value()) ? null : alert.value());
      item.put(
          "silencedBy",
          service
              .dispatcher()
              .silences()
              .silencing(alert.labels(), now)
              .map(Silence::id)
              .orElse(null));
      alerts.add(item);
    }
    json(ctx, 200, Map.of("alerts", alerts));
  }

  private void listSilences(RoutingContext ctx) {
    json(ctx, 200, Map.of("silences", service.dispatcher().silences().list()));
  }

  private void addSilence(RoutingContext ctx) {
    SilenceRequest request;
    try {
      request = JSON.readValue(ctx.body().asString(), SilenceRequest.class);
    } catch (Exception e) {
      error(ctx, 400, "expected a JSON silence: " + firstLine(e.getMessage()));
      return;
    }
    try {
      Instant now = service.now();
      Instant starts = request.startsAt() == null ? now : Instant.parse(request.startsAt());
      Instant ends;
      if (request.endsAt() != null) {
        ends = Instant.parse(request.endsAt());
      } else if (request.duration() != null) {
        Duration duration =
            ConfigUnits.parseDuration(request.duration())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "duration: expected a duration such as 30m or 2h, got "
                                + request.duration()));
        ends = starts.plus(duration);
      } else {
        throw new IllegalArgumentException("set endsAt or duration");
      }
      List<Matcher> matchers = new ArrayList<>();
      for (String matcher : request.matchers() == null ? List.<String>of() : request.matchers()) {
        matchers.add(Matcher.parse(matcher));
      }
      Silence silence =
          service
              .dispatcher()
              .silences()
              .add(
                  Silence.create(
                      matchers,
                      starts,
                      ends,
                      orEmpty(request.createdBy()),
                      orEmpty(request.comment())));
      json(ctx, 201, silence);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(ctx, 400, e.getMessage());
    }
  }

  private void expireSilence(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    service
        .dispatcher()
        .silences()
        .expire(id, service.now())
        .ifPresentOrElse(
            silence -> json(ctx, 200, silence),
            () -> error(ctx, 404, "no active or pending silence " + id));
  }

  private void listWindows(RoutingContext ctx) {
    json(ctx, 200, Map.of("windows", service.dispatcher().maintenanceWindows().list()));
  }

  private void addWindow(RoutingContext ctx) {
    try {
      WindowRequest request = JSON.readValue(ctx.body().asString(), WindowRequest.class);
      List<Matcher> matchers = new ArrayList<>();
      for (String matcher : request.matchers() == null ? List.<String>of() : request.matchers()) {
        matchers.add(Matcher.parse(matcher));
      }
      MaintenanceWindow window =
          service
              .dispatcher()
              .maintenanceWindows()
              .add(
                  new MaintenanceWindow(
                      orEmpty(request.name()),
                      Instant.parse(orEmpty(request.start())),
                      Instant.parse(orEmpty(request.end())),
                      matchers));
      json(ctx, 201, window);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(ctx, 400, e.getMessage());
    } catch (Exception e) {
      error(ctx, 400, "expected a JSON maintenance window: " + firstLine(e.getMessage()));
    }
  }

  private void removeWindow(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (service.dispatcher().maintenanceWindows().remove(name)) {
      ctx.response().setStatusCode(204).end();
    } else {
      error(ctx, 404, "no maintenance window " + name + " added at run time");
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void error(RoutingContext ctx, int status, String message) {
    json(ctx, status, Map.of("error", message));
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    String text;
    try {
      text = JSON.writeValueAsString(body);
    } catch (Exception e) {
      ctx.fail(e);
      return;
    }
    HttpServerResponse response = ctx.response();
    response.setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
  }
}
