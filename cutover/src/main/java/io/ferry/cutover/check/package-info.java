/**
 * The check families (one class each: replication and topology, schema, configuration, grants) and
 * the small readers and pure comparisons they are made of.
 */
package io.ferry.cutover.check;
