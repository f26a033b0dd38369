/**
 * How long a durable write takes on the disk that holds the benchmark's data directories:
 * append 4 KiB + fdatasync, repeated. Group commit's ceiling is roughly
 * (operations per group) ÷ (this latency), so every result is read next to it.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FsyncProbe {
  dir: string;
  samples: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
}

export function probeFsync(samples = 200): FsyncProbe {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchyard-fsync-'));
  const fd = openSync(path.join(dir, 'probe.bin'), 'w');
  const block = Buffer.alloc(4096, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      writeSync(fd, block);
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return {
    dir: os.tmpdir(),
    samples,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    meanMs: Math.round((times.reduce((a, b) => a + b, 0) / times.length) * 1000) / 1000,
  };
}
