package io.ferry.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.compare.ReportFiles;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.dashboards.page.PageFrame;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ferry's pages in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}), driven by Selenium, against the collector with a real InfluxDB holding a
 * representative migration: two clusters joined master/master, a replica in error (so an alert
 * fires), a host that went silent, a host whose name holds HTML, comparison verdicts and SLO
 * traffic, all written through the collector's own write endpoint. One browser session for all
 * pages; a screenshot of each page is kept in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardPagesBrowserTest {

  private static final String TOKEN = "pages-test-token";
  private static final String EVIL_HOST = "web-<i>2</i>";
  private static final int LOGIN_LIMIT = 4;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static LocalInfluxDb influx;
  private static HttpServer receiver;
  private static Vertx vertx;
  private static String base;
  private static WebDriver browser;
  private static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    vertx = Vertx.vertx();
    CollectorVerticle collector = new CollectorVerticle(config());
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + collector.actualPort();
    writeMigration(Instant.now());
    await()
        .atMost(WAIT)
        .until(() -> apiGet("/api/v1/alerts").toString().contains("ReplicationError"));
    browser = chromium(dir.resolve("chromium-profile"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    if (influx != null) {
      influx.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  @Order(1)
  void withoutALoginPagesAreRefusedOrSentToTheLoginForm() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/fleet?range=6h")), null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Ffleet%3Frange%3D6h");

    HttpResponse<String> chart =
        send(HttpRequest.newBuilder(uri("/charts/replication-lag.png")), null);
    assertThat(chart.statusCode()).isEqualTo(302);

    HttpResponse<String> form =
        send(
            HttpRequest.newBuilder(uri("/alerts/silences"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("matchers=host%3D%22x%22")),
            null);
    assertThat(form.statusCode()).isEqualTo(401);

    HttpResponse<String> wrongToken =
        send(HttpRequest.newBuilder(uri("/fleet")), "Bearer not-the-token");
    assertThat(wrongToken.statusCode()).isEqualTo(401);

    browser.get(base + "/replication?range=1h");
    assertThat(browser.getCurrentUrl()).contains("/login?next=");
    browser.findElement(By.name("token")).sendKeys("wrong");
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, WAIT)
        .until(driver -> !driver.findElements(By.cssSelector("p.error")).isEmpty());
    assertThat(browser.findElement(By.cssSelector("p.error")).getText())
        .isEqualTo("Unknown token.");
    screenshot("login");

    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + TOKEN + "&next=%2F")),
            null);
    assertThat(forged.statusCode())
        .as("a login form not from this browser's login page (login CSRF)")
        .isEqualTo(403);
  }

  @Test
  @Order(2)
  void aTokenPerRequestGetsThePageWithTheSecurityHeadersButCannotPostForms() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/fleet")), "Bearer " + TOKEN);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.body()).doesNotContain(TOKEN).doesNotContain("<script");

    HttpResponse<String> form =
        send(
            HttpRequest.newBuilder(uri("/alerts/silences"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "matchers=host%3D%22db-new-2%22&duration=1h&comment=x")),
            "Bearer " + TOKEN);
    assertThat(form.statusCode()).as("a form without the session's CSRF token").isEqualTo(403);
  }

  @Test
  @Order(3)
  void loggingInLeadsToThePageAskedFor() {
    browser.get(base + "/replication?range=1h");
    browser.findElement(By.name("token")).sendKeys(TOKEN);
    browser.findElement(By.id("login")).click();
    new WebDriverWait(browser, WAIT)
        .until(driver -> driver.getCurrentUrl().equals(base + "/replication?range=1h"));
    var cookie = browser.manage().getCookieNamed("ferry_session");
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.isSecure()).as("plain HTTP: a Secure cookie would never come back").isFalse();
  }

  @Test
  @Order(4)
  void theOverviewShowsTheMigrationAtAGlance() {
    open("/?range=1h", "overview");
    String text = body();
    assertThat(text).contains("Cluster old").contains("Cluster new");
    assertThat(text).contains("old → new").contains("new → old");
    assertThat(text).contains("ReplicationError");
    assertThat(text).contains("GO").contains("post comparison");
    assertThat(text).contains("web-3: last report");
    assertThat(text).contains("db-new-3: expected, never reported");
    assertThat(browser.findElement(By.cssSelector(".tile.bad")).getText())
        .isEqualTo("1\nfiring alerts");
    assertThat(text).contains("2\nof 7 hosts silent");
  }

  @Test
  @Order(5)
  void theFleetListsEveryHostWithSilentOnesFirstAndHtmlShownAsText() {
    open("/fleet?range=1h", "fleet");
    List<WebElement> rows = browser.findElements(By.cssSelector("table.fleet tbody tr"));
    assertThat(rows).hasSize(7);
    assertThat(rows.get(0).getAttribute("class")).isEqualTo("silent never");
    assertThat(rows.get(0).getText()).startsWith("db-new-3 never reported").contains("never");
    assertThat(rows.get(1).getAttribute("class")).isEqualTo("silent");
    assertThat(rows.get(1).getText()).startsWith("web-3 silent");
    assertThat(browser.findElement(By.id("never-reported")).getText())
        .isEqualTo("1 expected by the alert inventory never reported");
    assertThat(browser.findElements(By.linkText(EVIL_HOST)))
        .as("the host name with markup is a link whose text is the markup itself")
        .hasSize(1);
    assertThat(browser.findElements(By.cssSelector("table.fleet i"))).isEmpty();
    String dbOld1 = rowOf(rows, "db-old-1");
    assertThat(dbOld1).contains("old").contains("primary").contains("25.0 %").contains("61.0 %");
  }

  @Test
  @Order(6)
  void aHostPageDrawsItsSeries() throws Exception {
    browser.get(base + "/fleet?range=1h");
    browser.findElement(By.linkText(EVIL_HOST)).click();
    waitForImages();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Host " + EVIL_HOST);
    assertThat(browser.findElements(By.cssSelector(".charts img"))).hasSize(5);
    screenshot("host");
    BufferedImage cpu = chart("/charts/host-cpu.png?range=1h&host=" + PageFrame.encode(EVIL_HOST));
    assertThat(cpu.getWidth()).isEqualTo(ChartService.WIDTH);
    assertThat(linePixels(cpu)).as("the CPU line of the host").isGreaterThan(200);
  }

  @Test
  @Order(7)
  void theReplicationPageShowsTopologyLinksAndLag() throws Exception {
    open("/replication?range=1h", "replication");
    String text = body();
    assertThat(text).contains("Duplicate entry '<5>' for key 'PRIMARY'");
    assertThat(text).contains("0-1-120,1-2-60");
    List<WebElement> links = browser.findElements(By.cssSelector("tbody tr.bad"));
    assertThat(links).hasSize(1);
    assertThat(links.get(0).getText()).startsWith("new → new db-new-2 default db-new-1:3306 error");
    assertThat(links.get(0).getText()).as("a stopped link's lag is unknown, not 0").contains("—");
    assertThat(linePixels(chart("/charts/replication-lag.png?range=1h")))
        .as("lag lines")
        .isGreaterThan(200);
  }

  @Test
  @Order(8)
  void theSloPageShowsComplianceBudgetAndBurnRates() throws Exception {
    // The collector writes ferry_slo at every evaluation; wait until InfluxDB has some.
    await()
        .atMost(WAIT)
        .until(
            () ->
                !influx
                    .queryRows(
                        "pages_test",
                        "SELECT count(error_budget_remaining) FROM ferry_slo WHERE time > now() - 1h")
                    .isEmpty());
    open("/slos?range=15m", "slos");
    String row = browser.findElement(By.cssSelector("tbody tr")).getText();
    assertThat(row).startsWith("blog-availability 99.000 % 30 d");
    assertThat(row).contains("5 min: ").contains("1 h: ").contains("3 d: ");
    assertThat(row).as("traffic was counted").doesNotContain("— —").doesNotContain(" 0 / 0");
    assertThat(browser.findElements(By.cssSelector(".charts img"))).hasSize(2);
    assertThat(
            markPixels(chart("/charts/slo-budget.png?range=15m&slo=blog-availability"), 0x0072B2))
        .as("the budget line (or its marks)")
        .isGreaterThan(20);
    assertThat(markPixels(chart("/charts/slo-burn.png?range=15m&slo=blog-availability"), 0xE69F00))
        .as("more than one window drawn: the second colour, in the legend at least")
        .isGreaterThan(20);
  }

  @Test
  @Order(9)
  void aSilenceIsCreatedAndExpiredFromTheAlertsPage() {
    open("/alerts?range=1h", "alerts");
    assertThat(section("Firing")).contains("ReplicationError");
    assertThat(body()).contains("History (1h)").contains("inactive → firing");

    browser
        .findElement(By.name("matchers"))
        .sendKeys("alertname=\"ReplicationError\"\nhost=\"db-new-2\"");
    browser.findElement(By.name("duration")).clear();
    browser.findElement(By.name("duration")).sendKeys("1h");
    browser.findElement(By.name("comment")).sendKeys("restoring db-new-2 from a backup");
    browser.findElement(By.id("create-silence")).click();
    awaitUrl("done=created");

    assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
        .isEqualTo("Silence created.");
    assertThat(section("Silenced")).contains("ReplicationError");
    assertThat(section("Firing")).doesNotContain("ReplicationError");
    WebElement silence = browser.findElement(By.cssSelector("table.silences tr.active"));
    assertThat(silence.getText())
        .contains("restoring db-new-2 from a backup")
        .contains("pages-test");
    screenshot("alerts");

    silence.findElement(By.cssSelector("button.expire")).click();
    awaitUrl("done=expired");
    assertThat(browser.findElement(By.cssSelector("p.notice")).getText())
        .isEqualTo("Silence expired.");
    assertThat(browser.findElements(By.cssSelector("table.silences tr.active"))).isEmpty();
    assertThat(section("Firing")).contains("ReplicationError");
  }

  @Test
  @Order(10)
  void theCutoverPageListsVerdictsStoredReportsAndMarksTheSwitch() throws Exception {
    open("/cutover?range=24h", "cutover");
    assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).startsWith("GO");
    List<WebElement> rows =
        browser.findElements(
            By.xpath("//h2[starts-with(., 'Comparisons')]/following-sibling::table[1]/tbody/tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).getText()).contains("NO_GO");
    assertThat(browser.findElement(By.id("switch")).getText())
        .startsWith("Switched to the new cluster by")
        .contains(" ago)");
    assertThat(markPixels(chart("/charts/compare-failed.png?range=24h"), 0x8E24AA))
        .as("the switch marked on the timeline")
        .isGreaterThan(60);

    List<WebElement> reports = browser.findElements(By.cssSelector("table.reports tbody tr"));
    assertThat(reports).hasSize(2);
    assertThat(reports.get(0).getText()).startsWith("pre GO");
    assertThat(reports.get(1).getText()).startsWith("post GO");
    HttpResponse<String> json =
        send(HttpRequest.newBuilder(uri("/cutover/reports/compare-post.json")), "Bearer " + TOKEN);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(json.body()).path("phase").asText()).isEqualToIgnoringCase("post");
    assertThat(send(HttpRequest.newBuilder(uri("/cutover/reports/compare-post.json")), null))
        .extracting(HttpResponse::statusCode)
        .as("a stored report needs a login")
        .isEqualTo(302);
    assertThat(
            send(HttpRequest.newBuilder(uri("/cutover/reports/..%2Fslo.yml")), "Bearer " + TOKEN)
                .statusCode())
        .isEqualTo(404);

    reports.get(1).findElement(By.linkText("HTML")).click();
    awaitUrl("/cutover/reports/compare-post.html");
    assertThat(browser.getTitle()).isEqualTo("Ferry cutover comparison: GO");
  }

  @Test
  @Order(11)
  void everyGrafanaQueryRunsOnInfluxDbAndFindsTheData() throws Exception {
    List<Path> dashboards;
    try (var files = Files.list(Path.of("..", "dashboards", "grafana"))) {
      dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).hasSizeGreaterThanOrEqualTo(4);
    int checked = 0;
    for (Path file : dashboards) {
      JsonNode dashboard = JSON.readTree(file.toFile());
      List<JsonNode> queries = new ArrayList<>();
      dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(queries::add));
      dashboard.path("annotations").path("list").forEach(queries::add);
      for (JsonNode target : queries) {
        // As Grafana sends them with cluster and host set to All (allValue .*).
        String influxQl =
            target
                .path("query")
                .asText()
                .replace("$timeFilter", "time > now() - 1h")
                .replace("$__interval", "30s")
                .replace("$cluster", ".*")
                .replace("$host", ".*")
                .replace("$slo", ".*");
        assertThat(influx.queryRows("pages_test", influxQl))
            .as("%s: %s", file.getFileName(), influxQl)
            .isNotEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(26);
  }

  @Test
  @Order(12)
  void loggingOutEndsTheSession() {
    browser.get(base + "/fleet");
    browser.findElement(By.cssSelector("form.inline button")).click();
    awaitUrl("/login");
    browser.get(base + "/fleet");
    assertThat(browser.getCurrentUrl()).contains("/login");
  }

  @Test
  @Order(13)
  void failedLoginsFromOneAddressAreHeldBackAfterTheLimit() throws Exception {
    HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")), null);
    String cookie =
        form.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(PageLogin.LOGIN_COOKIE + "="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    var csrf =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> answer = null;
    int failures = 0;
    // The browser's wrong token of the first test may still count, so at most LOGIN_LIMIT tries.
    for (int i = 0; i <= LOGIN_LIMIT; i++) {
      answer = login(cookie, csrf.group(1), "wrong-" + i);
      if (answer.statusCode() == 429) {
        break;
      }
      assertThat(answer.statusCode()).isEqualTo(401);
      failures++;
    }
    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(failures).isBetween(LOGIN_LIMIT - 1, LOGIN_LIMIT);
    assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(answer.body()).contains("Too many failed logins");
    assertThat(login(cookie, csrf.group(1), TOKEN).statusCode())
        .as("while held back, even the right token waits")
        .isEqualTo(429);
  }

  private static HttpResponse<String> login(String cookie, String csrf, String token)
      throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "next=%2F&csrf="
                        + PageFrame.encode(csrf)
                        + "&token="
                        + PageFrame.encode(token))),
        null);
  }

  // ---------------------------------------------------------------------------------------------

  private static void open(String path, String screenshot) {
    browser.get(base + path);
    assertThat(browser.getCurrentUrl()).as("not sent to the login form").doesNotContain("/login");
    waitForImages();
    screenshot(screenshot);
  }

  /**
   * Waits for the browser to have followed a form's redirect, so no element of the old page is
   * read.
   */
  private static void awaitUrl(String part) {
    new WebDriverWait(browser, WAIT).until(driver -> driver.getCurrentUrl().contains(part));
  }

  private static void waitForImages() {
    new WebDriverWait(browser, WAIT)
        .until(
            driver ->
                (Boolean)
                    ((JavascriptExecutor) driver)
                        .executeScript(
                            "return Array.from(document.images).every(i => i.complete);"));
    Object broken =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.images).filter(i => i.naturalWidth === 0)"
                    + ".map(i => i.src);");
    assertThat((List<?>) broken).as("images that did not load").isEmpty();
  }

  private static String body() {
    return browser.findElement(By.tagName("main")).getText();
  }

  /** The text between a heading and the next one. */
  private static String section(String heading) {
    return browser
        .findElement(By.xpath("//h2[.='" + heading + "']/following-sibling::*[1]"))
        .getText();
  }

  private static String rowOf(List<WebElement> rows, String host) {
    return rows.stream()
        .map(WebElement::getText)
        .filter(text -> text.startsWith(host + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + host));
  }

  private static void screenshot(String name) {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new AssertionError("cannot save screenshot " + name, e);
    }
  }

  private static BufferedImage chart(String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    return ImageIO.read(new ByteArrayInputStream(response.body()));
  }

  /** Pixels near {@code rgb}. */
  private static int markPixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int p = image.getRGB(x, y);
        int distance =
            Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF))
                + Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF))
                + Math.abs((p & 0xFF) - (rgb & 0xFF));
        if (distance < 60) {
          count++;
        }
      }
    }
    return count;
  }

  /** Pixels near the first palette colour, the first line of a chart. */
  private static int linePixels(BufferedImage image) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int p = image.getRGB(x, y);
        int distance =
            Math.abs(((p >> 16) & 0xFF) - 0x00)
                + Math.abs(((p >> 8) & 0xFF) - 0x72)
                + Math.abs((p & 0xFF) - 0xB2);
        if (distance < 60) {
          count++;
        }
      }
    }
    return count;
  }

  private static WebDriver chromium(Path profile) {
    Path binary = Path.of("/usr/bin/chromium");
    Path driver = Path.of("/usr/bin/chromedriver");
    if (!Files.isExecutable(binary) || !Files.isExecutable(driver)) {
      throw new IllegalStateException(
          "the page tests need Debian's chromium and chromium-driver:"
              + " apt-get install -y chromium chromium-driver (scripts/lib/ensure-deps.sh)");
    }
    var options = new ChromeOptions();
    options.setBinary(binary.toFile());
    // The machine has no network beyond loopback: everything that would phone home is off.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  // --- data ------------------------------------------------------------------------------------

  private record Host(String name, String cluster, String role, boolean database) {}

  private static final List<Host> HOSTS =
      List.of(
          new Host("db-old-1", "old", "primary", true),
          new Host("db-old-2", "old", "replica", true),
          new Host("db-new-1", "new", "primary", true),
          new Host("db-new-2", "new", "replica", true),
          new Host(EVIL_HOST, "old", "web", false));

  /** Fifteen minutes of a migration, one point per host and measurement every 30 s. */
  private static void writeMigration(Instant now) throws Exception {
    long end = now.getEpochSecond();
    List<String> history = new ArrayList<>();
    List<String> latest = new ArrayList<>();
    for (int k = 30; k >= 0; k--) {
      long t = end - 30L * k;
      List<String> lines = k == 0 ? latest : history;
      for (Host host : HOSTS) {
        String tags =
            ",host="
                + escapeTag(host.name())
                + ",cluster="
                + host.cluster()
                + ",role="
                + host.role();
        lines.add("cpu" + tags + ",cpu=cpu-total usage_idle=" + (75 - (k % 5)) + " " + t);
        lines.add("mem" + tags + " used_percent=" + (61 + k * 0.1) + " " + t);
        lines.add("disk" + tags + ",path=/ used_percent=" + (40 + k * 0.05) + " " + t);
        lines.add("ferry_agent" + tags + " points=42i,points_sent=" + (1000 - k) + "i " + t);
        lines.add(
            "system" + tags + " load1=" + (0.5 + k * 0.01) + ",uptime=" + (1000 + t) + "i " + t);
        if (host.database()) {
          boolean primary = host.role().equals("primary");
          lines.add(
              "mysql"
                  + tags
                  + ",server=local,flavor=mariadb read_only="
                  + !primary
                  + ",gtid_current_pos=\"0-1-"
                  + (120 - k)
                  + ",1-2-"
                  + (60 - k)
                  + "\",version=\"10.11.6-MariaDB\",questions="
                  + (100_000 - 50 * k)
                  + "i "
                  + t);
        }
      }
      // old primary <-> new primary (master/master), a replica on each side.
      lines.add(link("db-old-2", "old", "db-old-1", running(1.0 + k % 3), t));
      lines.add(link("db-new-1", "new", "db-old-1", running(2.0 + k % 4), t));
      lines.add(link("db-old-1", "old", "db-new-1", running(0.5), t));
      lines.add(
          link(
              "db-new-2",
              "new",
              "db-new-1",
              k == 0
                  ? "state=\"error\",io_state=\"running\",sql_state=\"stopped\",lag_known=false,"
                      + "heartbeat_age_known=false,last_sql_errno=1062i,"
                      + "last_sql_error=\"Duplicate entry '<5>' for key 'PRIMARY'\""
                  : running(3.0),
              t));
      lines.add(
          "http_requests,host=lb1,vhost=blog.example.com ok="
              + (10_000 + (30 - k) * 990)
              + "i,total="
              + (10_000 + (30 - k) * 1000)
              + "i "
              + t);
    }
    // web-3 reported until ten minutes ago.
    for (int k = 40; k >= 20; k--) {
      long t = end - 30L * k;
      history.add("cpu,host=web-3,cluster=new,role=web,cpu=cpu-total usage_idle=90 " + t);
      history.add("system,host=web-3,cluster=new,role=web load1=0.1,uptime=5i " + t);
    }
    history.add(verdict("pre", "NO_GO", false, 2, end - 1200));
    history.add(verdict("pre", "GO", true, 0, end - 600));
    // The first post comparison marks the switch.
    history.add(verdict("post", "GO", true, 0, end - 120));
    write(String.join("\n", history));
    write(String.join("\n", latest));
  }

  private static String running(double lag) {
    return "state=\"running\",io_state=\"running\",sql_state=\"running\",lag_known=true,"
        + "lag_seconds="
        + lag
        + ",heartbeat_age_known=true,heartbeat_lag_seconds="
        + (lag + 0.25)
        + ",executed_gtid_set=\"0-1-120,1-2-60\"";
  }

  private static String link(String replica, String cluster, String source, String fields, long t) {
    return "mysql_replication,host="
        + replica
        + ",cluster="
        + cluster
        + ",role=db,server=local,flavor=mariadb,channel=default,source_host="
        + source
        + ",source_port=3306 "
        + fields
        + " "
        + t;
  }

  private static String verdict(String phase, String verdict, boolean go, int failed, long t) {
    return "ferry_compare,phase="
        + phase
        + " verdict=\""
        + verdict
        + "\",go="
        + go
        + ",exit_code="
        + (go ? 0 : 1)
        + "i,checks_failed="
        + failed
        + "i,checks_warned=1i,tables=12i,tables_differing="
        + (go ? 0 : 1)
        + "i,duration_seconds=8.5 "
        + t;
  }

  private static String escapeTag(String value) {
    return value.replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ");
  }

  private static void write(String lines) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/write?db=x&precision=s"))
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8)),
            "Token " + TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static JsonNode apiGet(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)), "Token " + TOKEN);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String authorization)
      throws Exception {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(base + path);
  }

  private static CollectorConfig config() throws IOException {
    Path rules = Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize();
    // SLO trackers count traffic for the SLOs a slo_burn rule watches.
    Path sloRules =
        Files.writeString(
            Files.createDirectories(dir).resolve("slo.yml"),
            "rules:\n  - name: ErrorBudgetBurn\n    slo_burn: {slo: blog-availability}\n"
                + "  - name: HostSilent\n    measurement: system\n"
                + "    absence: {after: 1h, group_by: [host], expected: [db-old-1, db-new-3]}\n");
    // Two stored comparison reports, as an earlier run left them in compare.report_dir.
    Path reports = dir.resolve("reports");
    for (Phase phase : Phase.values()) {
      Instant finished = Instant.now().minusSeconds(phase == Phase.PRE ? 900 : 300);
      ReportFiles.write(
          reports,
          ComparisonReport.of(
              phase,
              finished.minusSeconds(60),
              finished,
              List.of("db-old-1"),
              List.of("db-new-1"),
              List.of(),
              List.of()));
    }
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: pages-test, token: %s}
        influxdb: {url: %s, database: pages_test, api: v1}
        alerts:
          rule_files: [%s, %s]
          evaluation_interval: 200ms
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:%d/hook"}
          route: {receiver: oncall, group_wait: 100ms, group_interval: 1s, repeat_interval: 1h}
          slos:
            - name: blog-availability
              objective: 99%%
              period: 30d
              ratio: {measurement: http_requests, good: ok, total: total}
              where: {vhost: blog.example.com}
        compare:
          old: {primary: "mysql://ferry@127.0.0.1:1"}
          new: {primary: "mysql://ferry@127.0.0.1:2"}
          report_dir: %s
        pages: {failed_logins_per_minute: %d}
        """
            .formatted(
                TOKEN,
                influx.url(),
                rules,
                sloRules,
                receiver.getAddress().getPort(),
                reports,
                LOGIN_LIMIT);
    Files.createDirectories(dir);
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }
}
