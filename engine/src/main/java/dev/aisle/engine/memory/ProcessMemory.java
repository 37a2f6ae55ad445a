package dev.aisle.engine.memory;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of this process's memory. {@code residentBytes} is what the kernel counts (and what the
 * OOM killer acts on); {@code directBytes}/{@code directBuffers} are the JVM's direct ByteBuffers that
 * are still allocated (freed only when the collector finds their owner unreachable); {@code heapUsedBytes}
 * is the Java heap in use.
 */
public record ProcessMemory(long residentBytes, long directBytes, long directBuffers, long heapUsedBytes) {

    private static final long MB = 1024L * 1024L;

    /** Reads the current figures (resident size from {@code /proc/self/status}; −1 where unavailable). */
    public static ProcessMemory now() {
        // Resident size first: reading the file may itself take the thread's cached temporary direct buffer.
        long resident = readResidentBytes();
        long direct = -1;
        long buffers = -1;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
                buffers = pool.getCount();
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new ProcessMemory(resident, direct, buffers, heap);
    }

    /** VmRSS of this process in bytes, or −1 when {@code /proc} cannot be read (not Linux). */
    public static long readResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024L;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public double residentMb() {
        return residentBytes / (double) MB;
    }

    public double directMb() {
        return directBytes / (double) MB;
    }

    public double heapUsedMb() {
        return heapUsedBytes / (double) MB;
    }
}
