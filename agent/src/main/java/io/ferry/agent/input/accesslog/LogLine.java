package io.ferry.agent.input.accesslog;

/**
 * One complete line read from a log.
 *
 * @param file the file it was read from, as named when it was opened
 * @param number its line number in that file, from 1
 * @param text the line without its line break (UTF-8, malformed bytes replaced)
 * @param tooLong whether the line exceeded the length limit and {@code text} is only its start
 */
public record LogLine(String file, long number, String text, boolean tooLong) {}
