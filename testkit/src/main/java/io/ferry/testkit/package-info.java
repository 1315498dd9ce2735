/**
 * Starts real servers for tests and demos: InfluxDB 1.x ({@link io.ferry.testkit.LocalInfluxDb})
 * and MariaDB ({@link io.ferry.testkit.LocalMariaDb}), each as a child process listening only on
 * 127.0.0.1 on a free port, with all its files in a state directory the caller chooses.
 *
 * <p>{@link io.ferry.testkit.MigrationStack} joins four MariaDB servers into the topology of a
 * datacenter move (old primary and replica, new primary and replica, the two primaries
 * master/master) next to one InfluxDB; {@link io.ferry.testkit.SharedStack} starts it once per JVM
 * for tests. Nothing here touches system services, system configuration or fixed ports.
 */
package io.ferry.testkit;
