package io.ferry.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Grafana files load as Grafana's provisioning reads them: environment variables expanded first
 * ({@code $VAR} and {@code ${VAR}}), then YAML with {@code apiVersion: 1}; dashboards are JSON
 * whose every variable reference is defined, in an order Grafana can resolve, and whose data source
 * comes from a variable rather than an import placeholder (which provisioning never fills).
 */
class GrafanaFilesTest {

  private static final Path GRAFANA = Path.of("grafana");
  private static final Pattern ENV = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");
  private static final Set<String> BUILT_IN =
      Set.of(
          "timeFilter", "__interval", "__interval_ms", "__all", "__timeFilter", "__from", "__to");

  @Test
  void theDataSourceProvisioningFileDefinesAnInfluxQlDataSource() throws IOException {
    Map<String, Object> file =
        provisioning(
            "datasources/ferry.yml", Map.of("FERRY_INFLUXDB_URL", "http://127.0.0.1:8086"));
    assertThat(file).containsEntry("apiVersion", 1);
    List<Map<String, Object>> sources = list(file.get("datasources"));
    assertThat(sources).hasSize(1);
    Map<String, Object> source = sources.get(0);
    assertThat(source)
        .containsEntry("type", "influxdb")
        .containsEntry("access", "proxy")
        .containsEntry("url", "http://127.0.0.1:8086");
    assertThat((String) source.get("uid")).hasSizeLessThanOrEqualTo(40);
    assertThat(map(source.get("jsonData"))).containsEntry("dbName", "ferry");
  }

  @Test
  void theDashboardProviderLoadsTheDirectoryGiven() throws IOException {
    Map<String, Object> file =
        provisioning(
            "dashboards/ferry.yml", Map.of("FERRY_GRAFANA_DASHBOARDS", "/var/lib/ferry/grafana"));
    assertThat(file).containsEntry("apiVersion", 1);
    Map<String, Object> provider = list(file.get("providers")).get(0);
    assertThat(provider).containsEntry("type", "file").containsKey("name");
    assertThat(provider.get("updateIntervalSeconds")).isInstanceOf(Integer.class);
    assertThat(map(provider.get("options"))).containsEntry("path", "/var/lib/ferry/grafana");
  }

  @Test
  void everyDashboardResolvesItsVariablesAndDataSourceWithoutTheImportDialog() throws IOException {
    List<Path> dashboards;
    try (Stream<Path> files = Files.list(GRAFANA)) {
      dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(dashboards).isNotEmpty();
    Set<String> uids = new HashSet<>();
    for (Path path : dashboards) {
      JsonNode dashboard = new ObjectMapper().readTree(path.toFile());
      String name = path.getFileName().toString();
      assertThat(dashboard.has("__inputs")).as(name + ": import placeholders").isFalse();
      assertThat(dashboard.path("uid").asText()).as(name).isNotEmpty().hasSizeLessThanOrEqualTo(40);
      assertThat(uids.add(dashboard.path("uid").asText())).as(name + ": uid unique").isTrue();

      // Variables, in order: each may use only those before it.
      Set<String> defined = new HashSet<>();
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        assertThat(references(variable.path("query").asText()))
            .as(name + ": variable " + variable.path("name").asText())
            .allMatch(ref -> defined.contains(ref) || BUILT_IN.contains(ref));
        defined.add(variable.path("name").asText());
      }
      // Host dashboards pick clusters and hosts; the SLO dashboard picks SLOs, which have neither.
      if (name.equals("ferry-slos.json")) {
        assertThat(defined).as(name).contains("datasource", "slo");
      } else {
        assertThat(defined).as(name).contains("datasource", "cluster", "host");
      }
      JsonNode datasource = dashboard.path("templating").path("list").get(0);
      assertThat(datasource.path("type").asText()).isEqualTo("datasource");
      assertThat(datasource.path("query").asText()).isEqualTo("influxdb");

      Set<Integer> ids = new HashSet<>();
      List<String> queries = new ArrayList<>();
      for (JsonNode panel : dashboard.path("panels")) {
        String title = name + ": panel " + panel.path("title").asText();
        assertThat(ids.add(panel.path("id").asInt())).as(title + " id unique").isTrue();
        assertThat(panel.has("gridPos")).as(title).isTrue();
        assertThat(panel.path("datasource").path("uid").asText())
            .as(title)
            .isEqualTo("${datasource}");
        panel.path("targets").forEach(target -> queries.add(target.path("query").asText()));
      }
      for (JsonNode annotation : dashboard.path("annotations").path("list")) {
        assertThat(annotation.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        queries.add(annotation.path("query").asText());
      }
      assertThat(dashboard.path("annotations").path("list"))
          .as(name)
          .hasSizeGreaterThanOrEqualTo(2);
      for (String query : queries) {
        assertThat(query).as(name).startsWith("SELECT ").contains("$timeFilter");
        assertThat(references(query))
            .as(name + ": " + query)
            .allMatch(ref -> defined.contains(ref) || BUILT_IN.contains(ref));
      }
    }
  }

  /** Parses the YAML, then expands environment variables in every string value, as Grafana. */
  private static Map<String, Object> provisioning(String file, Map<String, String> env)
      throws IOException {
    String text = Files.readString(GRAFANA.resolve("provisioning").resolve(file));
    return map(expand(new Load(LoadSettings.builder().build()).loadFromString(text), env, file));
  }

  private static Object expand(Object value, Map<String, String> env, String file) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> expanded = new java.util.LinkedHashMap<>();
      map.forEach((k, v) -> expanded.put(k, expand(v, env, file)));
      return expanded;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> expand(v, env, file)).toList();
    }
    if (value instanceof String text) {
      Matcher matcher = ENV.matcher(text);
      StringBuilder expanded = new StringBuilder();
      while (matcher.find()) {
        String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        assertThat(env).as(file + " uses $" + name).containsKey(name);
        matcher.appendReplacement(expanded, Matcher.quoteReplacement(env.get(name)));
      }
      matcher.appendTail(expanded);
      return expanded.toString();
    }
    return value;
  }

  private static Set<String> references(String text) {
    Set<String> names = new HashSet<>();
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Map<String, Object>>) value;
  }
}
