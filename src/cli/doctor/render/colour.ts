/**
 * ANSI colour for the table: only on a TTY and never with NO_COLOR set.
 */
import type { Severity } from '../model.js';

const CODES: Record<Severity, string> = {
  critical: '1;31',
  high: '31',
  medium: '33',
  low: '36',
  info: '2',
};

export type Paint = (text: string, code: string) => string;

export function painter(enabled: boolean): Paint {
  return enabled ? (text, code) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
}

export function paintSeverity(paint: Paint, s: Severity, text: string): string {
  return paint(text, CODES[s]);
}
