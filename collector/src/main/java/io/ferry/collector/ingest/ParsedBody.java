package io.ferry.collector.ingest;

import io.ferry.lineprotocol.ParseResult;

/**
 * A write body read to the end.
 *
 * @param lines its points and bad lines
 * @param decodedBytes its size in bytes after gzip decoding
 */
public record ParsedBody(ParseResult lines, long decodedBytes) {}
