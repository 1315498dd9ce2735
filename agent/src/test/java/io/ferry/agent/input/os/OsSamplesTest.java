package io.ferry.agent.input.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.LineProtocolWriter;
import org.junit.jupiter.api.Test;

/** The pure mapping from OSHI's figures to the agent's points, field by field. */
class OsSamplesTest {

  @Test
  void systemLeavesOutUnavailableLoadAverages() {
    var available = new SystemSample(0.5, 0.25, 1, 4, 3600, 120, 480);
    var unavailable = new SystemSample(-1, -1, -1, 4, 3600, 120, 480);

    assertThat(LineProtocolWriter.toLine(available.toPoint()))
        .isEqualTo(
            "system load1=0.5,load5=0.25,load15=1,n_cpus=4i,uptime=3600i,processes=120i,"
                + "threads=480i");
    assertThat(LineProtocolWriter.toLine(unavailable.toPoint()))
        .isEqualTo("system n_cpus=4i,uptime=3600i,processes=120i,threads=480i");
  }

  @Test
  void memoryWithAndWithoutSwap() {
    assertThat(LineProtocolWriter.toLine(new MemorySample(1000, 250, 400, 100).toPoint()))
        .isEqualTo(
            "mem total=1000i,available=250i,used=750i,swap_total=400i,swap_used=100i,"
                + "used_percent=75,swap_used_percent=25");
    assertThat(LineProtocolWriter.toLine(new MemorySample(1000, 250, 0, 0).toPoint()))
        .isEqualTo(
            "mem total=1000i,available=250i,used=750i,swap_total=0i,swap_used=0i,used_percent=75");
  }

  @Test
  void diskCountsReservedBlocksAsUsedLikeDf() {
    // 1000 bytes, 300 free of which 100 reserved for root: 700 used, 200 usable
    var disk = new FileStoreSample("/var/lib/mysql", "/dev/sdb1", "ext4", 1000, 300, 200, 64, 16);

    assertThat(LineProtocolWriter.toLine(disk.toPoint()))
        .isEqualTo(
            "disk,device=/dev/sdb1,fstype=ext4,path=/var/lib/mysql total=1000i,free=200i,"
                + "used=700i,used_percent=77.77777777777777,inodes_total=64i,inodes_free=16i,"
                + "inodes_used=48i");
  }

  @Test
  void diskWithoutInodesLeavesInodeFieldsOut() {
    var btrfs = new FileStoreSample("/", "/dev/sda2", "btrfs", 1000, 500, 500, 0, 0);

    assertThat(btrfs.toPoint().fields()).doesNotContainKeys("inodes_total", "inodes_free");
  }

  @Test
  void diskioAndNetCounters() {
    assertThat(LineProtocolWriter.toLine(new DiskIoSample("sda", 1, 2, 512, 1024, 30, 0).toPoint()))
        .isEqualTo(
            "diskio,name=sda reads=1i,writes=2i,read_bytes=512i,write_bytes=1024i,io_time=30i,"
                + "queue_depth=0i");
    assertThat(LineProtocolWriter.toLine(new NetSample("eth0", 10, 20, 1, 2, 0, 0, 3).toPoint()))
        .isEqualTo(
            "net,interface=eth0 bytes_recv=10i,bytes_sent=20i,packets_recv=1i,packets_sent=2i,"
                + "err_in=0i,err_out=0i,drop_in=3i");
  }
}
