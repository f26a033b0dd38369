/**
 * Summarises V8 `.cpuprofile` files (written by `node --cpu-prof`) into the few facts a reader
 * needs: per thread, the share of sampled time that was idle, and the top functions and source
 * files by self time and by inclusive time (share of busy, non-idle time). One file per thread:
 * the server's main thread and its SQLite writer worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface FrameShare {
  frame: string;
  percent: number;
}

export interface ThreadProfile {
  file: string;
  sampledMs: number;
  idlePercent: number;
  /** Busy (non-idle) time, ms. */
  busyMs: number;
  gcPercent: number;
  topSelf: FrameShare[];
  topInclusive: FrameShare[];
  topFilesSelf: FrameShare[];
  /**
   * Self time charged to the nearest caller that is project code (a src/ or dist/ file) or a
   * package (node_modules): e.g. a SHA-256 inside node:crypto called from sigv4/verify counts
   * for verify. Time with no such caller (HTTP parsing, socket writes) keeps its node: module.
   */
  topOwnersSelf: FrameShare[];
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

function shortUrl(url: string, root: string): string {
  if (!url) return '';
  let u = url.startsWith('file://') ? url.slice('file://'.length) : url;
  if (u.startsWith(root)) u = u.slice(root.length);
  return u.replace(/^.*node_modules\//, 'node_modules/');
}

function frameName(frame: CallFrame, root: string): string {
  const name = frame.functionName || '(anonymous)';
  if (SPECIAL.has(name)) return name;
  const url = shortUrl(frame.url, root);
  return url ? `${name} ${url}:${frame.lineNumber + 1}` : name;
}

function fileName(frame: CallFrame, root: string): string {
  const name = frame.functionName;
  if (SPECIAL.has(name)) return name;
  const url = shortUrl(frame.url, root);
  if (!url) return '(native/builtin)';
  return url.startsWith('node:')
    ? url
    : url.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, '$1');
}

/** The file or package that owns a frame, or null for node internals and natives. */
function ownerOf(frame: CallFrame, root: string): string | null {
  const url = shortUrl(frame.url, root);
  if (!url || url.startsWith('node:')) return null;
  if (url.startsWith('node_modules/'))
    return url.replace(/^(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, '$1');
  return url;
}

export function summariseProfile(file: string, root: string, top = 15): ThreadProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  const owners = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let gc = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    total += dt;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idle += dt;
      continue;
    }
    if (name === '(garbage collector)') gc += dt;
    const key = frameName(node.callFrame, root);
    self.set(key, (self.get(key) ?? 0) + dt);
    const fileKey = fileName(node.callFrame, root);
    files.set(fileKey, (files.get(fileKey) ?? 0) + dt);
    let owner: string | null = SPECIAL.has(name) ? name : null;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      owner ??= ownerOf(n.callFrame, root);
      const k = frameName(n.callFrame, root);
      if (k === '(root)' || seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
    owner ??= fileKey;
    owners.set(owner, (owners.get(owner) ?? 0) + dt);
  }
  const busy = total - idle;
  const shares = (m: Map<string, number>): FrameShare[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, us]) => ({
        frame,
        percent: busy > 0 ? Math.round((us / busy) * 1000) / 10 : 0,
      }));
  return {
    file: path.basename(file),
    sampledMs: Math.round(total / 1000),
    idlePercent: total > 0 ? Math.round((idle / total) * 1000) / 10 : 0,
    busyMs: Math.round(busy / 1000),
    gcPercent: busy > 0 ? Math.round((gc / busy) * 1000) / 10 : 0,
    topSelf: shares(self),
    topInclusive: shares(inclusive),
    topFilesSelf: shares(files),
    topOwnersSelf: shares(owners),
  };
}

/** Every profile in `dir`, largest busy time first (the main thread usually leads). */
export function summariseProfiles(dir: string, root: string, top = 15): ThreadProfile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => summariseProfile(path.join(dir, f), root, top))
    .filter((p) => p.busyMs > 0)
    .sort((a, b) => b.busyMs - a.busyMs);
}
