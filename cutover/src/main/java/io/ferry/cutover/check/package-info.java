/**
 * The check families (one class each: replication and topology, schema, configuration, grants,
 * traffic), the comparison of a post-cutover run with the pre-cutover report, and the small readers
 * and pure comparisons they are made of.
 */
package io.ferry.cutover.check;
