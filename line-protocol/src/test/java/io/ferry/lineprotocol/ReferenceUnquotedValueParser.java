package io.ferry.lineprotocol;

/**
 * Part of {@link ReferenceLineProtocolParser} (the parser as it was, kept as a reference): Reads an
 * unquoted field value as InfluxDB does: a float ({@code 1}, {@code -1.5}, {@code 1e10}, {@code
 * .5}), a signed integer ({@code 12i}), an unsigned integer ({@code 12u}) or a boolean ({@code t T
 * true True TRUE f F false False FALSE}).
 */
final class ReferenceUnquotedValueParser {

  /** Every power of ten that a double holds exactly. */
  private static final double[] EXACT_POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Up to this many digits the mantissa is below 2^53, so it and the quotient by an exact power of
   * ten are both exact inputs to one correctly rounded division: the result equals {@link
   * Double#parseDouble}'s without building a substring.
   */
  private static final int FAST_PATH_MAX_DIGITS = 15;

  /** Booleans are immutable values: every point shares these two. */
  private static final FieldValue TRUE = new FieldValue.BooleanValue(true);

  private static final FieldValue FALSE = new FieldValue.BooleanValue(false);

  private ReferenceUnquotedValueParser() {}

  /**
   * Parses {@code text[from, to)}, which is not empty.
   *
   * @param field the (unescaped) field key, for the error reason
   * @throws LineSyntaxException naming the field and the value when the value is not valid
   */
  static FieldValue parse(String text, int from, int to, String field) throws LineSyntaxException {
    char first = text.charAt(from);
    char last = text.charAt(to - 1);
    if (last == 'i') {
      return new FieldValue.IntegerValue(signedInteger(text, from, to, field));
    }
    if (last == 'u') {
      return new FieldValue.UnsignedValue(unsignedInteger(text, from, to, field));
    }
    if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
      return bool(text, from, to, field) ? TRUE : FALSE;
    }
    return new FieldValue.FloatValue(floating(text, from, to, field));
  }

  private static long signedInteger(String text, int from, int to, String field)
      throws LineSyntaxException {
    int digitsEnd = to - 1;
    int digitsStart = text.charAt(from) == '-' ? from + 1 : from;
    if (!allDigits(text, digitsStart, digitsEnd)) {
      throw invalid(text, from, to, field);
    }
    try {
      return Long.parseLong(text, from, digitsEnd, 10);
    } catch (NumberFormatException tooLarge) {
      throw new LineSyntaxException(
          "integer "
              + Snippet.quoted(text, from, to)
              + " for field "
              + Snippet.quoted(field)
              + " is out of range (-9223372036854775808i to 9223372036854775807i)");
    }
  }

  private static long unsignedInteger(String text, int from, int to, String field)
      throws LineSyntaxException {
    int digitsEnd = to - 1;
    boolean negative = text.charAt(from) == '-';
    if (!allDigits(text, negative ? from + 1 : from, digitsEnd)) {
      throw invalid(text, from, to, field);
    }
    if (negative) {
      throw new LineSyntaxException(
          "unsigned integer "
              + Snippet.quoted(text, from, to)
              + " for field "
              + Snippet.quoted(field)
              + " is negative");
    }
    try {
      return Long.parseUnsignedLong(text, from, digitsEnd, 10);
    } catch (NumberFormatException tooLarge) {
      throw new LineSyntaxException(
          "unsigned integer "
              + Snippet.quoted(text, from, to)
              + " for field "
              + Snippet.quoted(field)
              + " is out of range (0u to 18446744073709551615u)");
    }
  }

  private static boolean bool(String text, int from, int to, String field)
      throws LineSyntaxException {
    int length = to - from;
    char first = text.charAt(from);
    if (length == 1) {
      return first == 't' || first == 'T';
    }
    if (length == 4 && isOneOf(text, from, "true", "True", "TRUE")) {
      return true;
    }
    if (length == 5 && isOneOf(text, from, "false", "False", "FALSE")) {
      return false;
    }
    throw invalid(text, from, to, field);
  }

  private static boolean isOneOf(String text, int from, String a, String b, String c) {
    return text.startsWith(a, from) || text.startsWith(b, from) || text.startsWith(c, from);
  }

  private static double floating(String text, int from, int to, String field)
      throws LineSyntaxException {
    int i = from;
    boolean negative = text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits < FAST_PATH_MAX_DIGITS) {
          mantissa = mantissa * 10 + (c - '0');
        }
        digits++;
        if (point) {
          fractionDigits++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      throw invalid(text, from, to, field);
    }
    boolean exponent = i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E');
    if (exponent) {
      i++;
      if (i < to && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentStart = i;
      while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i == exponentStart) {
        throw invalid(text, from, to, field);
      }
    }
    if (i != to) {
      throw invalid(text, from, to, field);
    }
    if (!exponent && digits <= FAST_PATH_MAX_DIGITS) {
      double value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
      return negative ? -value : value;
    }
    double value = Double.parseDouble(text.substring(from, to));
    if (Double.isInfinite(value)) {
      throw new LineSyntaxException(
          "float "
              + Snippet.quoted(text, from, to)
              + " for field "
              + Snippet.quoted(field)
              + " is out of range for a 64-bit float");
    }
    return value;
  }

  private static boolean allDigits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static LineSyntaxException invalid(String text, int from, int to, String field) {
    String value = text.substring(from, Math.min(to, from + 16));
    if (isNanOrInfinity(value)) {
      return new LineSyntaxException(
          "field "
              + Snippet.quoted(field)
              + " is "
              + Snippet.quoted(text, from, to)
              + ", but line protocol cannot carry NaN or infinity");
    }
    return new LineSyntaxException(
        "invalid field value "
            + Snippet.quoted(text, from, to)
            + " for field "
            + Snippet.quoted(field)
            + " (expected a number, 12i, 12u, true/false or a quoted string)");
  }

  private static boolean isNanOrInfinity(String value) {
    String unsigned = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
    return unsigned.equalsIgnoreCase("nan")
        || unsigned.equalsIgnoreCase("inf")
        || unsigned.equalsIgnoreCase("infinity");
  }
}
