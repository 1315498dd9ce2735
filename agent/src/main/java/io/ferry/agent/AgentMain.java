package io.ferry.agent;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.config.ConfigLoader;
import io.ferry.agent.config.EffectiveConfig;
import io.ferry.yamlconfig.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ferry-agent} command: runs the agent, runs it once, or checks a configuration file.
 *
 * <p>Exit codes: 0 success; 1 in {@code --once}, an input failed (a refused MySQL login, an
 * unreachable server) or the collector did not accept everything; 2 bad command line or
 * configuration.
 */
@Command(
    name = "ferry-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentMain.Version.class,
    description = "Collects host and database metrics and pushes them to a Ferry collector.")
public final class AgentMain implements Callable<Integer> {

  static final int EXIT_PUSH_FAILED = 1;
  static final int EXIT_BAD_CONFIG = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Run the agent with this configuration file.")
  Path config;

  @Option(
      names = "--once",
      description =
          "Collect once, push, and exit (with --config): 0 only if every input worked and the"
              + " collector accepted everything; each failure is printed with its input's name.")
  boolean once;

  @Option(
      names = "--check-config",
      paramLabel = "FILE",
      description =
          "Check a configuration file and print it with defaults filled in and secrets masked.")
  Path checkConfig;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AgentMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (checkConfig != null) {
      return check(out, err);
    }
    if (config == null) {
      err.println("give --config FILE to run, or --check-config FILE to check a file");
      return EXIT_BAD_CONFIG;
    }
    AgentSettings settings;
    try {
      settings = ConfigLoader.forThisProcess().load(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return EXIT_BAD_CONFIG;
    }
    return once ? runOnce(settings, err) : runForever(settings, err);
  }

  private int check(PrintWriter out, PrintWriter err) {
    try {
      AgentSettings settings = ConfigLoader.forThisProcess().load(checkConfig);
      out.print(EffectiveConfig.render(settings));
      out.flush();
      return 0;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return EXIT_BAD_CONFIG;
    }
  }

  private int runOnce(AgentSettings settings, PrintWriter err) {
    Vertx vertx = lowFootprintVertx();
    var verticle = new AgentVerticle(() -> settings, true);
    try {
      PushResult result =
          vertx
              .deployVerticle(verticle)
              .compose(id -> verticle.onceResult())
              .await(5, TimeUnit.MINUTES);
      PushStats stats = verticle.pushStats();
      Map<String, Map<String, String>> failures = verticle.inputFailures();
      failures.forEach(
          (input, failed) ->
              failed.forEach(
                  (what, why) -> err.printf("once: input %s failed (%s): %s%n", input, what, why)));
      err.printf(
          "once: %s, %d points delivered, %d dropped, %d inputs failed%n",
          result, stats.pointsSent(), stats.pointsDropped(), failures.size());
      return result == PushResult.DELIVERED && failures.isEmpty() ? 0 : EXIT_PUSH_FAILED;
    } catch (Exception e) {
      err.println("once: failed: " + e.getMessage());
      return EXIT_PUSH_FAILED;
    } finally {
      vertx.close().await();
    }
  }

  private int runForever(AgentSettings settings, PrintWriter err) throws InterruptedException {
    Vertx vertx = lowFootprintVertx();
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  vertx.close().await();
                  stopped.countDown();
                },
                "ferry-agent-shutdown"));
    try {
      vertx.deployVerticle(new AgentVerticle(() -> settings, false)).await();
    } catch (Exception e) {
      err.println("the agent could not start: " + e.getMessage());
      vertx.close();
      return EXIT_BAD_CONFIG;
    }
    stopped.await();
    return 0;
  }

  /** The agent needs one event loop; fewer threads keep its footprint small. */
  private static Vertx lowFootprintVertx() {
    return Vertx.vertx(
        new VertxOptions()
            .setEventLoopPoolSize(1)
            .setWorkerPoolSize(2)
            .setInternalBlockingPoolSize(2));
  }

  /** Reads the version from the {@code pom.properties} Maven puts in the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    private static final String POM_PROPERTIES =
        "/META-INF/maven/io.ferry/ferry-agent/pom.properties";

    @Override
    public String[] getVersion() throws java.io.IOException {
      var properties = new java.util.Properties();
      try (var in = AgentMain.class.getResourceAsStream(POM_PROPERTIES)) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "ferry-agent " + properties.getProperty("version", "(development build)")
      };
    }
  }
}
