package io.newshound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of processes, read from Linux's {@code /proc}. */
final class Cpu {
    /** Clock ticks per second of {@code /proc/PID/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private Cpu() {}

    /** User and system CPU time of process {@code pid}, in clock ticks. */
    static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /** The cores {@code ticks} of CPU time kept busy over {@code seconds}. */
    static double cores(long ticks, double seconds) {
        return ticks / TICKS_PER_SECOND / seconds;
    }
}
