/**
 * The report every renderer draws from: what was audited, how completely, and what was found.
 */
import type { Gap, SourceStatus } from './inventory/inventory.js';
import type { Area, Finding, Severity, Source } from './model.js';

export type CheckStatus = 'ran' | 'incomplete' | 'not-run' | 'failed';

export interface CheckOutcome {
  id: string;
  title: string;
  area: Area;
  severity: Severity;
  why: string;
  status: CheckStatus;
  /** Why the check did not run or is incomplete. */
  reason?: string;
  findings: number;
}

export interface Report {
  tool: { name: string; version: string };
  target: {
    endpoint: string | undefined;
    aws: boolean;
    region: string;
    accountId: string | undefined;
  };
  startedAt: string;
  durationMs: number;
  apiCalls: number;
  apiCallsByOperation: Record<string, number>;
  /** true when every selected check ran on complete data. */
  complete: boolean;
  /** Set when nothing could be audited (endpoint unreachable, credentials rejected). */
  fatal: string | undefined;
  sources: Partial<Record<Source, SourceStatus>>;
  /** One line per source not audited, e.g. "not audited: SNS unavailable at endpoint". */
  notAudited: string[];
  gaps: Gap[];
  scanned: Record<string, number>;
  checks: CheckOutcome[];
  findings: Finding[];
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
