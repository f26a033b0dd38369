/**
 * CPU time of processes during a run, to show where the two cores went: the server under test
 * (read from /proc/PID/stat, Linux only) and this load-generating process (process.cpuUsage()).
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User+system CPU seconds of a process, or null where /proc is unavailable. */
export function processCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuShare {
  /** Average cores used by the server process over the interval. */
  serverCores: number | null;
  /** Average cores used by the benchmark (load generator) process. */
  loadGeneratorCores: number;
}

/** Starts measuring; the returned function gives the average cores used since. */
export function cpuMeter(serverPid: number | undefined): () => CpuShare {
  const t0 = performance.now();
  const self0 = process.cpuUsage();
  const server0 = processCpuSeconds(serverPid);
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const server1 = processCpuSeconds(serverPid);
    const r = (v: number): number => Math.round(v * 100) / 100;
    return {
      serverCores: server0 !== null && server1 !== null ? r((server1 - server0) / seconds) : null,
      loadGeneratorCores: r((self.user + self.system) / 1e6 / seconds),
    };
  };
}
