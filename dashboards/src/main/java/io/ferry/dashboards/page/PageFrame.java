package io.ferry.dashboards.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * What every page shows around its content: the navigation, the time range and refresh pickers, who
 * is logged in, and the CSRF token its forms carry.
 *
 * @param title the page title
 * @param active the navigation entry to highlight, or null for a page not in the bar (a host)
 * @param path the page's own path, for the range and refresh links
 * @param range the time range the page shows
 * @param refresh how often the page reloads
 * @param user the name of the token the viewer logged in with (never the token)
 * @param csrfToken the token a form must send back; empty for a viewer authenticated per request
 * @param now when the page was rendered
 */
public record PageFrame(
    String title,
    Nav active,
    String path,
    TimeRange range,
    Refresh refresh,
    String user,
    String csrfToken,
    Instant now) {

  public PageFrame {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(now, "now");
  }

  /** {@code path} with this page's range and refresh, so that a link keeps both. */
  public String link(String target) {
    return withState(target, range, refresh);
  }

  /** This page with another range. */
  public String withRange(TimeRange other) {
    return withState(path, other, refresh);
  }

  /** This page with another refresh. */
  public String withRefresh(Refresh other) {
    return withState(path, range, other);
  }

  /** The page of one host. */
  public String hostLink(String host) {
    return link("/hosts/" + encode(host));
  }

  /** A query-string value, percent-encoded. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String withState(String target, TimeRange range, Refresh refresh) {
    String separator = target.contains("?") ? "&" : "?";
    String link = target + separator + "range=" + range.code();
    return refresh == Refresh.OFF ? link : link + "&refresh=" + refresh.code();
  }
}
