package io.ferry.cutover.check;

import java.util.List;

/**
 * One account's grants in canonical form.
 *
 * @param account {@code user@host} (roles: {@code role@})
 * @param grants canonical grant lines, sorted
 * @param authentication the account's authentication clauses, for comparison only: may hold
 *     password hashes and is never printed ({@link #toString()} leaves it out)
 */
record AccountGrants(String account, List<String> grants, String authentication) {

  @Override
  public String toString() {
    return account + " " + grants;
  }
}
