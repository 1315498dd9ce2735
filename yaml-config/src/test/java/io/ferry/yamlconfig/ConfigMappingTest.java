package io.ferry.yamlconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigMappingTest {

  @TempDir Path dir;

  private ConfigMapping parse(String yaml) {
    return parse(yaml, Map.of(), ValueOverrides.none());
  }

  private ConfigMapping parse(String yaml, Map<String, String> env, ValueOverrides overrides) {
    return new YamlConfigReader(Environment.of(env), overrides).parse(yaml, "app.yml", dir);
  }

  @Test
  void typedGettersReadEveryKind() {
    ConfigMapping root =
        parse(
            """
            name: ferry
            port: 8086
            big: 5000000000
            on: TRUE
            every: 1500ms
            body: 10MiB
            url: https://influx.lan:8087/
            types: [tmpfs, nfs]
            tags: {dc: east, role: replica}
            """);

    assertThat(root.requiredString("name")).isEqualTo("ferry");
    assertThat(root.integer("port", 1, 0, 65_535)).isEqualTo(8086);
    assertThat(root.longValue("big", 1, 0, Long.MAX_VALUE)).isEqualTo(5_000_000_000L);
    assertThat(root.bool("on", false)).isTrue();
    assertThat(root.duration("every", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
    assertThat(root.byteSize("body", 1)).isEqualTo(10L * 1024 * 1024);
    assertThat(root.requiredHttpUrl("url")).isEqualTo(URI.create("https://influx.lan:8087"));
    assertThat(root.stringList("types", List.of())).containsExactly("tmpfs", "nfs");
    assertThat(root.stringMap("tags"))
        .containsExactly(Map.entry("dc", "east"), Map.entry("role", "replica"));
    root.rejectUnknownKeys();
  }

  @Test
  void absentAndEmptyKeysTakeTheirDefaults() {
    ConfigMapping root = parse("a:\nb: ~\nc: null\nsection:\n");

    assertThat(root.string("a", "dflt")).isEqualTo("dflt");
    assertThat(root.integer("b", 7, 0, 10)).isEqualTo(7);
    assertThat(root.duration("c", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(root.httpUrl("absent", URI.create("http://h"))).isEqualTo(URI.create("http://h"));
    assertThat(root.stringList("absent_list", List.of("x"))).containsExactly("x");
    assertThat(root.stringMap("absent_map")).isEmpty();
    assertThat(root.mappingList("absent_items")).isEmpty();
    assertThat(root.mapping("section").bool("enabled", true)).isTrue();
    assertThat(root.has("section")).isFalse();
    root.rejectUnknownKeys();
  }

  @Test
  void quotedEmptyTextIsAValueNotAnAbsentKey() {
    assertThat(parse("password: ''\n").string("password")).contains("");
  }

  @Test
  void anEmptyDocumentIsAnEmptyMapping() {
    ConfigMapping root = parse("# only a comment\n");

    assertThat(root.string("anything")).isEmpty();
    assertThatThrownBy(() -> root.requiredString("anything"))
        .hasMessage("app.yml: anything: is required");
  }

  @Test
  void aBadValueNamesFileLineKeyPathAndWhatWasExpected() {
    ConfigMapping root = parse("influxdb:\n  timeout: ten seconds\n");
    ConfigMapping influx = root.mapping("influxdb");

    assertThatThrownBy(() -> influx.duration("timeout", Duration.ofSeconds(1)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.source()).isEqualTo("app.yml");
              assertThat(e.line()).isEqualTo(OptionalInt.of(2));
              assertThat(e.keyPath()).isEqualTo("influxdb.timeout");
              assertThat(e.problem())
                  .isEqualTo(
                      "expected a positive duration such as 100ms, 10s, 5m or 1h, got \"ten"
                          + " seconds\"");
            })
        .hasMessage(
            "app.yml line 2: influxdb.timeout: expected a positive duration such as 100ms, 10s,"
                + " 5m or 1h, got \"ten seconds\"");
  }

  @Test
  void rangesAndShapesAreChecked() {
    ConfigMapping root =
        parse("port: 70000\nbatch: 0\nzero: 0s\nflag: maybe\nurl: ftp://x\nsize: 0\nlist: 3\n");

    assertThatThrownBy(() -> root.integer("port", 1, 0, 65_535))
        .hasMessage("app.yml line 1: port: expected a whole number from 0 to 65535, got \"70000\"");
    assertThatThrownBy(() -> root.integer("batch", 1, 1, Integer.MAX_VALUE))
        .hasMessage("app.yml line 2: batch: expected a whole number of at least 1, got \"0\"");
    assertThatThrownBy(() -> root.duration("zero", Duration.ofSeconds(1)))
        .hasMessageStartingWith("app.yml line 3: zero: expected a positive duration");
    assertThatThrownBy(() -> root.bool("flag", true))
        .hasMessage("app.yml line 4: flag: expected true or false, got \"maybe\"");
    assertThatThrownBy(() -> root.requiredHttpUrl("url"))
        .hasMessage(
            "app.yml line 5: url: expected an http:// or https:// URL with a host, got \"ftp://x\"");
    assertThatThrownBy(() -> root.byteSize("size", 1))
        .hasMessageStartingWith("app.yml line 6: size: expected a positive size");
    assertThatThrownBy(() -> root.stringList("list", List.of()))
        .hasMessage("app.yml line 7: list: expected a list ([a, b])");
  }

  @Test
  void wrongStructureIsNamed() {
    ConfigMapping root = parse("tags: [a, b]\nname: {x: 1}\nitems: {x: 1}\nmap: {a: ''}\n");

    assertThatThrownBy(() -> root.mapping("tags"))
        .hasMessage("app.yml line 1: tags: expected a mapping (key: value)");
    assertThatThrownBy(() -> root.string("name"))
        .hasMessage("app.yml line 2: name: expected a single value, not a list or mapping");
    assertThatThrownBy(() -> root.mappingList("items"))
        .hasMessage("app.yml line 3: items: expected a list of mappings (- key: value)");
    assertThatThrownBy(() -> root.stringMap("map"))
        .hasMessage("app.yml line 4: map.a: must not be empty");
    assertThatThrownBy(() -> parse("- a\n- b\n"))
        .hasMessage("app.yml line 1: expected a mapping (key: value) at the top level");
  }

  @Test
  void customValuesAreParsedWithTheirExpectedForm() {
    ConfigMapping root = parse("api: v3\n");

    assertThatThrownBy(
            () ->
                root.parsed(
                    "api",
                    "v1",
                    "auto, v1 or v2",
                    text -> Optional.of(text).filter(List.of("auto", "v1", "v2")::contains)))
        .hasMessage("app.yml line 1: api: expected auto, v1 or v2, got \"v3\"");
  }

  @Test
  void requiredKeysAreReportedAtTheirMapping() {
    ConfigMapping root = parse("collector:\n  url: http://c:8086\n  token: '  '\n");
    ConfigMapping collector = root.mapping("collector");

    assertThatThrownBy(() -> collector.requiredString("token"))
        .hasMessage("app.yml line 3: collector.token: is required");
    assertThatThrownBy(() -> collector.requiredString("user"))
        .hasMessage("app.yml line 2: collector.user: is required");
    assertThatThrownBy(() -> root.mapping("absent").requiredHttpUrl("url"))
        .hasMessage("app.yml: absent.url: is required");
  }

  @Test
  void aMappingAskedForTwiceCountsKeysReadThroughEither() {
    ConfigMapping root = parse("listen: {host: h, port: 1}\n");
    root.mapping("listen").string("host");
    root.mapping("listen").integer("port", 0, 0, 65_535);

    assertThatNoException().isThrownBy(root::rejectUnknownKeys);
  }

  @Test
  void unknownKeySuggestsTheClosestKnownOne() {
    ConfigMapping root = parse("agent:\n  intervall: 10s\n");
    root.mapping("agent").duration("interval", Duration.ofSeconds(10));

    assertThatThrownBy(root::rejectUnknownKeys)
        .hasMessage("app.yml line 2: agent.intervall: unknown key (did you mean agent.interval?)");
  }

  @Test
  void unknownKeyWithoutCloseMatchListsTheKnownKeys() {
    ConfigMapping root = parse("inputs:\n  kafka: {}\n");
    ConfigMapping inputs = root.mapping("inputs");
    inputs.mapping("os");
    inputs.mappingList("mysql");

    assertThatThrownBy(root::rejectUnknownKeys)
        .hasMessage("app.yml line 2: inputs.kafka: unknown key (known keys: os, mysql)");
  }

  @Test
  void unknownKeyInsideAListEntryNamesItsIndex() {
    ConfigMapping root = parse("servers:\n  - name: a\n  - name: b\n    prot: 3306\n");
    for (ConfigMapping server : root.mappingList("servers")) {
      server.requiredString("name");
      server.integer("port", 3306, 1, 65_535);
    }

    assertThatThrownBy(root::rejectUnknownKeys)
        .hasMessage("app.yml line 4: servers[1].prot: unknown key (did you mean servers[1].port?)");
  }

  @Test
  void aKeyGivenTwiceIsAnErrorEvenInSectionsNotRead() {
    assertThatThrownBy(() -> parse("listen:\n  port: 1\n  port: 2\n"))
        .hasMessage("app.yml line 3: listen.port: key appears twice");
    assertThatThrownBy(() -> parse("items:\n  - {a: 1, a: 2}\n"))
        .hasMessage("app.yml line 2: items[0].a: key appears twice");
    assertThatThrownBy(() -> parse("? [a, b]\n: 1\n"))
        .hasMessageStartingWith("app.yml: not valid YAML: ");
  }

  @Test
  void brokenYamlReportsTheLine() {
    assertThatThrownBy(() -> parse("a: 1\nb: [\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("app.yml line 3: not valid YAML: ");
  }

  @Test
  void environmentReferencesAreReplacedWithFallbacks() {
    ConfigMapping root =
        parse(
            "url: http://${HOST}:8086\ndb: ${DB:-ferry}\ntypes: [\"${FS}\"]\ntags: {dc: \"${DC}\"}\n",
            Map.of("HOST", "influx.lan", "FS", "tmpfs", "DC", "east"),
            ValueOverrides.none());

    assertThat(root.requiredHttpUrl("url")).isEqualTo(URI.create("http://influx.lan:8086"));
    assertThat(root.string("db")).contains("ferry");
    assertThat(root.stringList("types", List.of())).containsExactly("tmpfs");
    assertThat(root.stringMap("tags")).containsEntry("dc", "east");
  }

  @Test
  void anUnsetVariableNamesItKeyAndLine() {
    ConfigMapping root = parse("auth:\n  token: ${NOPE}\n");

    assertThatThrownBy(() -> root.mapping("auth").string("token"))
        .hasMessage("app.yml line 2: auth.token: environment variable NOPE is not set");
  }

  @Test
  void overridesWinOverTheFileAndNameTheirSource() {
    ValueOverrides overrides =
        keyPath ->
            Optional.ofNullable(
                    Map.of("agent.interval", "30s", "agent.types", "tmpfs, nfs,", "agent.bad", "x")
                        .get(keyPath))
                .map(text -> new ValueOverrides.OverrideValue(text, "variable " + keyPath));
    ConfigMapping agent = parse("agent:\n  interval: 10s\n", Map.of(), overrides).mapping("agent");

    assertThat(agent.duration("interval", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(agent.stringList("types", List.of())).containsExactly("tmpfs", "nfs");
    assertThatThrownBy(() -> agent.bool("bad", true))
        .hasMessage("variable agent.bad: agent.bad: expected true or false, got \"x\"");
  }

  @Test
  void secretsAreReadFromFilesRelativeToTheConfigFolder() throws Exception {
    Files.writeString(dir.resolve("agent.token"), "  tok-from-file\n");

    ConfigMapping root = parse("a: {token_file: agent.token}\nb: {token: inline}\nc: {}\n");

    assertThat(root.mapping("a").secret("token")).contains("tok-from-file");
    assertThat(root.mapping("b").secret("token")).contains("inline");
    assertThat(root.mapping("c").secret("token")).isEmpty();
  }

  @Test
  void unusableSecretFilesAreNamed() throws Exception {
    Files.writeString(dir.resolve("empty.token"), "\n");
    ConfigMapping root =
        parse(
            "a: {token_file: missing.token}\nb: {token_file: empty.token}\nc: {token: x, token_file: f}\n");

    assertThatThrownBy(() -> root.mapping("a").secret("token"))
        .hasMessage(
            "app.yml line 1: a.token_file: file "
                + dir.resolve("missing.token")
                + " does not exist");
    assertThatThrownBy(() -> root.mapping("b").secret("token"))
        .hasMessage(
            "app.yml line 2: b.token_file: file " + dir.resolve("empty.token") + " is empty");
    assertThatThrownBy(() -> root.mapping("c").secret("token"))
        .hasMessage("app.yml line 3: c.token_file: set either token or token_file, not both");
  }

  @Test
  void anOverriddenSecretWinsOverTheFileSetting() {
    ValueOverrides overrides =
        keyPath ->
            keyPath.equals("c.token")
                ? Optional.of(new ValueOverrides.OverrideValue("from-env", "env"))
                : Optional.empty();

    ConfigMapping root = parse("c: {token_file: absent}\n", Map.of(), overrides);

    assertThat(root.mapping("c").secret("token")).contains("from-env");
  }

  @Test
  void readingAFileLabelsErrorsWithThePathAsGiven() throws Exception {
    Path file = Files.writeString(dir.resolve("app.yml"), "port: x\n");
    var reader = new YamlConfigReader(Environment.of(Map.of()));

    assertThatThrownBy(() -> reader.read(file).integer("port", 1, 0, 10))
        .hasMessageStartingWith(file + " line 1: port: ");
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.yml")))
        .hasMessage(dir.resolve("nope.yml") + ": configuration file does not exist");
  }
}
