/**
 * The doctor's vocabulary: severities, the resources it audits, findings, and the Check
 * contract every check module implements. A check is a pure function over the inventory (and
 * the metric results it asked for), so each one is testable without any endpoint.
 */
import type { Inventory } from './inventory/inventory.js';
import type { MetricRequest, MetricResults } from './inventory/metrics.js';
import type { FixBuilder } from './checks/support/fix-command.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}

/** One data source the inventory collects; a check names the sources it cannot run without. */
export const SOURCES = [
  'sqs',
  'sns',
  'events',
  'states',
  'alarms',
  'metrics',
  'iam',
  'kms',
] as const;
export type Source = (typeof SOURCES)[number];

export type Area =
  'security' | 'monitoring' | 'error-handling' | 'scaling' | 'maintenance' | 'versioning-and-cost';

export interface ResourceRef {
  /** AWS service prefix as in ARNs: sqs, sns, events, states, cloudwatch, iam, kms. */
  service: string;
  /** Kind of resource, for people: queue, topic, subscription, rule, … */
  type: string;
  name: string;
  /** ARN, or the queue URL where no ARN is known. */
  id: string;
}

export interface Finding {
  checkId: string;
  severity: Severity;
  resource: ResourceRef;
  /** What is wrong with this resource, with the figures that show it. */
  message: string;
  /** Why it matters (the check's rationale). */
  why: string;
  /** The AWS CLI command(s) that fix it. */
  fix: string;
}

/** What a check returns per offending resource; the runner adds id, severity default and why. */
export interface FindingDraft {
  resource: ResourceRef;
  message: string;
  fix: string;
  severity?: Severity;
}

export interface Thresholds {
  /** `--require-cmk`: service-managed keys count as a finding. */
  requireCmk: boolean;
  maxReceiveCount: number;
  idleDays: number;
  unusedKeyDays: number;
}

export interface CheckContext {
  now: Date;
  accountId: string | undefined;
  region: string;
  thresholds: Thresholds;
  fix: FixBuilder;
  metrics: MetricResults;
}

export interface Check {
  /** Stable id, used by --only/--skip, JSON, SARIF rule ids and docs/doctor.md. */
  id: string;
  area: Area;
  severity: Severity;
  title: string;
  why: string;
  /** Sources that must have been listed for the check to mean anything. */
  needs: readonly Source[];
  /** CloudWatch metrics the check reads (fetched in bulk before checks run). */
  metrics?(inv: Inventory, ctx: Omit<CheckContext, 'metrics'>): MetricRequest[];
  run(inv: Inventory, ctx: CheckContext): FindingDraft[];
}
