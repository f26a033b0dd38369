/**
 * The progress line on stderr while scanning (TTY only): API calls so far and the sources
 * already listed, redrawn at most ten times a second and erased when the scan ends.
 */
import type { Source } from '../model.js';
import { SOURCE_LABELS } from '../sources.js';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  update(apiCalls: number, done: Source[]): void;
  clear(): void;
}

export function createProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let last = 0;
  let drawn = false;
  return {
    update(apiCalls, done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      const listed = done.map((s) => SOURCE_LABELS[s]).join(', ');
      stream.write(
        `\r\u001b[Kscanning… ${apiCalls} API calls${listed ? ` · listed ${listed}` : ''}`,
      );
    },
    clear() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
