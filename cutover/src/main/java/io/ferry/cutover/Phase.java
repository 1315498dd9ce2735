package io.ferry.cutover;

/** When a comparison runs relative to the traffic switch; the checks expect different states. */
public enum Phase {
  /** Before the switch: the old primary takes the writes and the new side replicates from it. */
  PRE,
  /** After the switch: the new primary takes the writes and the old side replicates back. */
  POST
}
