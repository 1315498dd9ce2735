package io.ferry.agent.input.accesslog;

import java.util.Objects;

/**
 * Where reading of a log stopped: which file (by identity, so a rotated file is recognised under
 * its new name), how far, and a fingerprint of its first line (so a file truncated and rewritten
 * past the old position, or a new file that reused the inode, is recognised as new).
 *
 * @param fileKey the file's identity, {@code (dev=…,ino=…)} on Linux
 * @param position the byte offset of the first line not yet read; always at a line start
 * @param lineNumber how many lines of this file were read, for messages about malformed lines
 * @param fingerprint the SHA-256 prefix of the file's first line; empty while it has no complete
 *     line
 */
public record FileOffset(String fileKey, long position, long lineNumber, String fingerprint) {

  public FileOffset {
    Objects.requireNonNull(fileKey, "fileKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (position < 0 || lineNumber < 0) {
      throw new IllegalArgumentException("negative offset " + position + "/" + lineNumber);
    }
  }
}
