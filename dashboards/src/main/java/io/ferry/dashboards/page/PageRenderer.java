package io.ferry.dashboards.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders Ferry's pages from the jte templates in {@code src/main/jte}, compiled to Java at build
 * time with HTML output escaping: every {@code ${...}} is escaped for where it stands (text or
 * attribute), so data from hosts and alerts cannot become markup.
 */
public final class PageRenderer {

  /** The package the jte Maven plugin compiles the templates into. */
  static final String TEMPLATE_PACKAGE = "io.ferry.dashboards.templates";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, PageRenderer.class.getClassLoader(), TEMPLATE_PACKAGE);

  public String overview(PageFrame frame, OverviewView view) {
    return render("overview.jte", frame, view);
  }

  public String fleet(PageFrame frame, FleetView view) {
    return render("fleet.jte", frame, view);
  }

  public String host(PageFrame frame, HostView view) {
    return render("host.jte", frame, view);
  }

  public String replication(PageFrame frame, ReplicationView view) {
    return render("replication.jte", frame, view);
  }

  public String slos(PageFrame frame, SloView view) {
    return render("slos.jte", frame, view);
  }

  public String alerts(PageFrame frame, AlertsView view) {
    return render("alerts.jte", frame, view);
  }

  public String cutover(PageFrame frame, CutoverView view) {
    return render("cutover.jte", frame, view);
  }

  public String login(LoginView view) {
    var out = new StringOutput();
    engine.render("login.jte", Map.of("view", view), out);
    return out.toString();
  }

  private String render(String template, PageFrame frame, Object view) {
    var out = new StringOutput(16 * 1024);
    engine.render(template, Map.of("frame", frame, "view", view), out);
    return out.toString();
  }

  /** The pages' style sheet, served as {@code /static/ferry.css}. */
  public static byte[] styleSheet() {
    try (InputStream in =
        PageRenderer.class.getResourceAsStream("/io/ferry/dashboards/static/ferry.css")) {
      if (in == null) {
        throw new IllegalStateException("ferry.css is missing from the dashboards jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
