package io.ferry.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.auth.TokenRegistry;
import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.PagesConfig;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' session cookie on one router served twice, over TLS and over plain HTTP: {@code
 * Secure} only where the request came over TLS.
 */
class PageSessionCookieTest {

  private static final String PASSWORD = "changeit";

  @TempDir static Path dir;
  private static Vertx vertx;
  private static WorkerExecutor pages;
  private static HttpServer tls;
  private static HttpServer plain;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    pages =
        DashboardRoutes.mount(
            vertx,
            router,
            WebClient.create(vertx),
            InfluxConfig.defaults(),
            new TokenRegistry(List.of(new ApiToken("ops", "page-token"))),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new PagesConfig(Duration.ofMinutes(30), 10),
            Clock.systemUTC());
    var tlsOptions =
        new HttpServerOptions()
            .setSsl(true)
            .setKeyCertOptions(
                new PfxOptions().setPath(keystore().toString()).setPassword(PASSWORD));
    tls =
        vertx
            .createHttpServer(tlsOptions)
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await(30, TimeUnit.SECONDS);
    plain =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (pages != null) {
      pages.close().await(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theCookieIsSecureOnlyOverTls() throws Exception {
    String overTls = sessionCookie(URI.create("https://127.0.0.1:" + tls.actualPort() + "/login"));
    String overPlain =
        sessionCookie(URI.create("http://127.0.0.1:" + plain.actualPort() + "/login"));

    assertThat(overTls).startsWith("ferry_session=").contains("; Secure").contains("; HTTPOnly");
    assertThat(overPlain).startsWith("ferry_session=").doesNotContain("Secure");
    assertThat(overPlain).containsIgnoringCase("SameSite=Strict");
  }

  /** Logs in with the form as a browser would; returns the session's Set-Cookie. */
  private static String sessionCookie(URI uri) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trustingEveryone()).build();
    HttpResponse<String> form =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    String formCookie =
        form.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(PageLogin.LOGIN_COOKIE + "="))
            .findFirst()
            .orElseThrow()
            .split(";", 2)[0];
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Cookie", formCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "next=%2Ffleet&token=page-token&csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
    return login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("ferry_session="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie from " + uri));
  }

  /** The test's own self-signed certificate is the only one it talks to. */
  private static SSLContext trustingEveryone() throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return context;
  }

  private static Path keystore() throws Exception {
    Path keystore = dir.resolve("pages.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "pages",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "30",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || !Files.exists(keystore)) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    return keystore;
  }
}
