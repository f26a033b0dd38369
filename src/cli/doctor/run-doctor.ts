/**
 * One audit, start to end: select the checks, list the sources they need (in parallel, behind
 * one concurrency limit), fetch the metrics they ask for in bulk, run each check whose sources
 * were read, and assemble the report. Never throws for anything the endpoint does; a check
 * that throws (a bug) is reported as failed, not as a crash.
 */
import { createClients, type StaticCredentials } from './aws/clients.js';
import { classifyError } from './aws/errors.js';
import { CHECKS } from './checks/registry.js';
import { FixBuilder } from './checks/support/fix-command.js';
import { collectInventory } from './inventory/collect-inventory.js';
import type { Inventory } from './inventory/inventory.js';
import { fetchMetrics, NO_METRICS, type MetricResults } from './inventory/metrics.js';
import {
  severityRank,
  type Check,
  type CheckContext,
  type Finding,
  type Source,
  type Thresholds,
} from './model.js';
import type { CheckOutcome, Report } from './report.js';
import { isFailure, notAudited } from './sources.js';
import { toolVersion } from './version.js';

export interface DoctorOptions {
  /** undefined with aws=true: real AWS through the SDK's endpoint resolution. */
  endpoint: string | undefined;
  aws: boolean;
  region: string | undefined;
  credentials: StaticCredentials | undefined;
  only: string[];
  skip: string[];
  thresholds: Thresholds;
  concurrency: number;
  /** The audit's clock (tests move it). */
  now?: Date;
  onProgress?: (apiCalls: number, doneSources: Source[]) => void;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  requireCmk: false,
  maxReceiveCount: 10,
  idleDays: 30,
  unusedKeyDays: 90,
};

export function selectChecks(only: string[], skip: string[]): Check[] {
  return CHECKS.filter((c) => (only.length === 0 || only.includes(c.id)) && !skip.includes(c.id));
}

async function resolveRegion(provider: () => Promise<string>): Promise<string | undefined> {
  try {
    return await provider();
  } catch {
    return undefined;
  }
}

function scanned(inv: Inventory): Record<string, number> {
  return {
    queues: inv.queues.length,
    topics: inv.topics.length,
    subscriptions: inv.subscriptions.length,
    eventBuses: inv.buses.length,
    rules: inv.rules.length,
    archives: inv.archives.length,
    stateMachines: inv.stateMachines.length,
    alarms: inv.alarms.length,
    policies: inv.policies.length,
    accessKeys: inv.accessKeys.length,
    kmsKeys: inv.keys.length,
  };
}

export async function runDoctor(opts: DoctorOptions): Promise<Report> {
  const startedAt = new Date();
  const now = opts.now ?? startedAt;
  const checks = selectChecks(opts.only, opts.skip);
  const wanted = new Set<Source>(checks.flatMap((c) => c.needs));
  const clients = createClients({
    endpoint: opts.endpoint,
    region: opts.region,
    credentials: opts.credentials,
    concurrency: opts.concurrency,
  });
  const done: Source[] = [];
  clients.counter.onCall = () => opts.onProgress?.(clients.counter.total, done);
  try {
    const region =
      (await resolveRegion(() => clients.sqs.config.region())) ?? opts.region ?? 'us-east-1';
    const inv = await collectInventory(clients, region, wanted, (s) => done.push(s));
    const base: Omit<CheckContext, 'metrics'> = {
      now,
      accountId: inv.accountId,
      region,
      thresholds: opts.thresholds,
      fix: new FixBuilder(opts.endpoint, region),
    };
    const runnable = (c: Check) =>
      c.needs.every((s) => s === 'metrics' || !isFailure(inv.status[s]));

    let metrics: MetricResults = NO_METRICS;
    const requests = checks.filter(runnable).flatMap((c) => c.metrics?.(inv, base) ?? []);
    if (requests.length > 0) {
      try {
        metrics = await fetchMetrics(clients.cloudwatch, requests, now);
      } catch (err) {
        const { kind, message } = classifyError(err);
        inv.status.metrics = kind;
        inv.gaps.push({ source: 'metrics', kind, message });
      }
    }
    const ctx: CheckContext = { ...base, metrics };

    const findings: Finding[] = [];
    const outcomes: CheckOutcome[] = checks.map((c) => {
      const outcome: CheckOutcome = {
        id: c.id,
        title: c.title,
        area: c.area,
        severity: c.severity,
        why: c.why,
        status: 'ran',
        findings: 0,
      };
      const failed = c.needs.find((s) => isFailure(inv.status[s]));
      if (failed) {
        const status = inv.status[failed];
        outcome.status = 'not-run';
        outcome.reason = isFailure(status) ? notAudited(failed, status) : undefined;
        return outcome;
      }
      try {
        const drafts = c.run(inv, ctx);
        for (const d of drafts) {
          findings.push({
            checkId: c.id,
            severity: d.severity ?? c.severity,
            resource: d.resource,
            message: d.message,
            why: c.why,
            fix: d.fix,
          });
        }
        outcome.findings = drafts.length;
        const partial = c.needs.filter((s) => inv.status[s] === 'partial');
        if (partial.length > 0) {
          outcome.status = 'incomplete';
          outcome.reason = `some ${partial.join(', ')} resources could not be read`;
        }
      } catch (err) {
        outcome.status = 'failed';
        outcome.reason = `check failed: ${classifyError(err).message}`;
      }
      return outcome;
    });

    findings.sort(
      (a, b) =>
        a.resource.service.localeCompare(b.resource.service) ||
        a.resource.name.localeCompare(b.resource.name) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        a.checkId.localeCompare(b.checkId),
    );
    const sources = Object.fromEntries(
      [...wanted, ...(requests.length > 0 ? (['metrics'] as const) : [])].map((s) => [
        s,
        inv.status[s],
      ]),
    );
    const failedSources = Object.entries(sources).filter(([, st]) => isFailure(st));
    const notAuditedLines = failedSources.map(([s, st]) =>
      notAudited(s as Source, st as Parameters<typeof notAudited>[1]),
    );
    const listed = [...wanted].filter((s) => s !== 'metrics');
    const allFailed = listed.length > 0 && listed.every((s) => isFailure(inv.status[s]));
    const firstGap = inv.gaps.find((g) => g.resource === undefined);
    const fatal =
      allFailed && firstGap && (firstGap.kind === 'unreachable' || firstGap.kind === 'credentials')
        ? firstGap.kind === 'unreachable'
          ? `cannot reach ${opts.endpoint ?? 'AWS'}: ${firstGap.message}`
          : `credentials rejected by ${opts.endpoint ?? 'AWS'}: ${firstGap.message}`
        : undefined;
    return {
      tool: { name: 'switchyard doctor', version: toolVersion() },
      target: { endpoint: opts.endpoint, aws: opts.aws, region, accountId: inv.accountId },
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      apiCalls: clients.counter.total,
      apiCallsByOperation: Object.fromEntries(
        [...clients.counter.byOperation].sort(([a], [b]) => a.localeCompare(b)),
      ),
      complete: outcomes.every((o) => o.status === 'ran'),
      fatal,
      sources,
      notAudited: notAuditedLines,
      gaps: inv.gaps,
      scanned: scanned(inv),
      checks: outcomes,
      findings,
    };
  } finally {
    clients.destroy();
  }
}
