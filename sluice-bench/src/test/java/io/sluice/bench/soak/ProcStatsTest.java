package io.sluice.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatsTest {
    @TempDir
    Path proc;

    @Test
    void shouldReadRssThreadsOpenFilesAndTimeWaitFromProc() throws Exception {
        Path pid = Files.createDirectories(proc.resolve("42"));
        Files.writeString(pid.resolve("status"), "Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t37\n");
        Files.createDirectories(pid.resolve("fd"));
        for (int i = 0; i < 5; i++) {
            Files.createFile(pid.resolve("fd").resolve(Integer.toString(i)));
        }
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/sockstat"), "sockets: used 42\nTCP: inuse 1 orphan 0 tw 5432 alloc 27 "
                + "mem 0\nUDP: inuse 0 mem 0\n");
        ProcStats stats = new ProcStats(proc);

        assertThat(stats.rssBytes(42)).isEqualTo(123456L * 1024);
        assertThat(stats.threads(42)).isEqualTo(37);
        assertThat(stats.openFiles(42)).isEqualTo(5);
        assertThat(stats.timeWait()).isEqualTo(5432);
    }

    @Test
    void shouldGiveNullForAProcessThatIsGone() {
        ProcStats stats = new ProcStats(proc);

        assertThat(stats.rssBytes(7)).isNull();
        assertThat(stats.threads(7)).isNull();
        assertThat(stats.openFiles(7)).isNull();
        assertThat(stats.timeWait()).isNull();
    }

    @Test
    void shouldReadThisProcessFromTheRealProc() {
        long me = ProcessHandle.current().pid();
        ProcStats stats = ProcStats.system();

        assertThat(stats.rssBytes(me)).isPositive();
        assertThat(stats.threads(me)).isPositive();
        assertThat(stats.openFiles(me)).isPositive();
        assertThat(stats.timeWait()).isNotNull();
    }
}
