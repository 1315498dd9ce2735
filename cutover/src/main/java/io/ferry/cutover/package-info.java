/**
 * Cutover verification: compares the new database cluster with the old one (replication and
 * topology, schema, configuration, users and grants, and the data itself) and gives one verdict
 * with an exit code that can gate a DNS switch.
 *
 * <p>Start at {@link io.ferry.cutover.CutoverComparison}. Check families implement {@link
 * io.ferry.cutover.CutoverCheck}; the result model lives in {@code io.ferry.cutover.report}, the
 * chunked data comparison in {@code io.ferry.cutover.data}.
 */
package io.ferry.cutover;
