package io.ferry.cutover.data;

import java.util.regex.Pattern;

/**
 * Tells columns that look like they hold secrets by their names, so that their values are never
 * read into a report, even with {@code --show-values}. A column is secret when its name contains,
 * in any case, one of: {@code pass} (password, passwd, passphrase), {@code pwd}, {@code secret},
 * {@code token}, {@code hash}, {@code salt}, {@code key} (api_key, private_key, keyring), {@code
 * credential}, {@code cookie}, {@code session}, {@code signature}, {@code cvv}, {@code iban},
 * {@code ssn}. Generous on purpose: a column wrongly hidden costs a look at the server, a secret
 * wrongly shown cannot be taken back. A secret column's value does not even leave the server: it is
 * compared by its SHA-1 there.
 */
public final class SecretColumns {

  /** The pattern, matched anywhere in the column name. */
  public static final Pattern PATTERN =
      Pattern.compile(
          "pass|pwd|secret|token|hash|salt|key|credential|cookie|session|signature|cvv|iban|ssn",
          Pattern.CASE_INSENSITIVE);

  private SecretColumns() {}

  /** Whether the values of the column named {@code name} must never be shown. */
  public static boolean isSecret(String name) {
    return PATTERN.matcher(name).find();
  }
}
