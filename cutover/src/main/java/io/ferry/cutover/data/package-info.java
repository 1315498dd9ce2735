/**
 * The data comparison: tables chunked along their primary key, each chunk's row count and an
 * order-independent hash computed inside both servers in parallel; chunks that differ are
 * re-checked after both sides applied the same transactions, and only persisting differences are
 * reported, with their key range and, for small chunks, the rows.
 */
package io.ferry.cutover.data;
