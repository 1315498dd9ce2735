package io.ferry.alerts.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the unit tests of the shipped rules ({@code rules/tests/*-test.yml}) as JUnit tests. */
class ShippedRulesTest {

  private static final Path TESTS = Path.of("rules", "tests");

  @TestFactory
  Stream<DynamicTest> everyShippedRuleTestPasses() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(TESTS)) {
      files =
          listing.filter(p -> p.getFileName().toString().endsWith("-test.yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    RuleTestRunner runner = new RuleTestRunner();
    return files.stream()
        .flatMap(
            file -> {
              RuleTestSuite suite = new RuleTestReader().read(file);
              return runner.run(suite).stream()
                  .map(
                      result ->
                          DynamicTest.dynamicTest(
                              file.getFileName() + ": " + result.name(),
                              () -> assertThat(result.failures()).isEmpty()));
            });
  }
}
