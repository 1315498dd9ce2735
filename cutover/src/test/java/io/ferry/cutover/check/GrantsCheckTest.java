package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantsCheckTest {

  private static final String HASH = "IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2'";

  @Test
  void missingGrantIsNamedPerAccount() {
    CheckResult result =
        GrantsCheck.compare(
            Map.of("app@%", account("app@%", HASH, "GRANT INSERT, SELECT ON shop.* TO app@%")),
            Map.of("app@%", account("app@%", HASH, "GRANT SELECT ON shop.* TO app@%")),
            Set.of());

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence())
        .containsExactly(
            "app@%: grant only on old: GRANT INSERT, SELECT ON shop.* TO app@%",
            "app@%: grant only on new: GRANT SELECT ON shop.* TO app@%");
  }

  @Test
  void differentPasswordIsReportedWithoutTheHash() {
    CheckResult result =
        GrantsCheck.compare(
            Map.of("app@%", account("app@%", HASH, "GRANT USAGE ON *.* TO app@%")),
            Map.of(
                "app@%",
                account("app@%", "IDENTIFIED BY PASSWORD '*00'", "GRANT USAGE ON *.* TO app@%")),
            Set.of());

    assertThat(result.evidence())
        .containsExactly("app@%: password or authentication differs (values not shown)");
    assertThat(String.join(" ", result.evidence()) + result.summary())
        .doesNotContain("6BB4", "*00");
  }

  @Test
  void accountsOnOneSideFailUnlessIgnored() {
    Map<String, AccountGrants> oldSide =
        Map.of("monitor@10.1.%", account("monitor@10.1.%", "", "GRANT PROCESS ON *.* TO x"));

    assertThat(GrantsCheck.compare(oldSide, Map.of(), Set.of()).evidence())
        .containsExactly("account only on old: monitor@10.1.%");
    assertThat(GrantsCheck.compare(oldSide, Map.of(), Set.of("monitor@*")).status())
        .isEqualTo(Status.PASS);
  }

  private static AccountGrants account(String name, String authentication, String... grants) {
    return new AccountGrants(name, List.of(grants), authentication);
  }
}
