package io.ferry.collector.ingest;

/** The errors the collector answers with: HTTP status and InfluxDB 2.x error code. */
public enum ErrorCode {
  INVALID(400, "invalid"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  REQUEST_TIMEOUT(408, "request timeout"),
  TOO_LARGE(413, "request too large"),
  TOO_MANY_REQUESTS(429, "too many requests"),
  INTERNAL(500, "internal error"),
  UNAVAILABLE(503, "unavailable");

  private final int status;
  private final String v2Code;

  ErrorCode(int status, String v2Code) {
    this.status = status;
    this.v2Code = v2Code;
  }

  public int status() {
    return status;
  }

  public String v2Code() {
    return v2Code;
  }
}
