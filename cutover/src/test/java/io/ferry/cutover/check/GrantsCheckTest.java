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
            Map.of(
                "app@%",
                account(
                    "app@%",
                    HASH,
                    "GRANT INSERT, SELECT ON shop.* TO app@%",
                    "GRANT SELECT (email, name) ON crm.users TO app@%")),
            Map.of(
                "app@%",
                account(
                    "app@%",
                    HASH,
                    "GRANT SELECT ON shop.* TO app@%",
                    "GRANT SELECT ON s9.* TO app@% WITH GRANT OPTION",
                    "GRANT SELECT (name) ON crm.users TO app@%")),
            Set.of());

    assertThat(result.status()).isEqualTo(Status.FAIL);
    assertThat(result.evidence())
        .containsExactly(
            "app@%: INSERT on shop.* only on old",
            "app@%: SELECT (email) on crm.users only on old",
            "app@%: GRANT OPTION on s9.* only on new",
            "app@%: SELECT on s9.* only on new");
    assertThat(result.summary())
        .isEqualTo("4 grant differences, first: app@%: INSERT on shop.* only on old");
  }

  @Test
  void rolesAndOtherClausesAreItemsOfTheirOwn() {
    assertThat(GrantPrivileges.ofLine("GRANT app_rw, reporting TO bob@% WITH ADMIN OPTION"))
        .containsExactly("role app_rw WITH ADMIN OPTION", "role reporting WITH ADMIN OPTION");
    assertThat(GrantPrivileges.ofLine("GRANT USAGE ON *.* TO bob@% WITH MAX_QUERIES_PER_HOUR 10"))
        .containsExactly("USAGE on *.*", "clause WITH MAX_QUERIES_PER_HOUR 10 on *.*");
    assertThat(GrantPrivileges.ofLine("GRANT EXECUTE ON PROCEDURE shop.refund TO bob@%"))
        .containsExactly("EXECUTE on PROCEDURE shop.refund");
    assertThat(GrantPrivileges.ofLine("REVOKE nonsense"))
        .containsExactly("grant line REVOKE nonsense");
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
