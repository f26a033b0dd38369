/**
 * SARIF 2.1.0 for code-scanning tools: one rule per selected check (why as the description,
 * severity as level and security-severity), one result per finding located by the resource's
 * ARN as a logical location, the fix in the result's properties and message; what was not
 * audited becomes tool execution notifications, and `executionSuccessful` says whether the
 * audit was complete.
 */
import type { Severity } from '../model.js';
import type { Report } from '../report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export function renderSarif(report: Report): string {
  const rules = report.checks.map((c) => ({
    id: c.id,
    name: c.id,
    shortDescription: { text: c.title },
    fullDescription: { text: c.why },
    help: { text: `${c.why} See docs/doctor.md#${c.id}.` },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: {
      area: c.area,
      severity: c.severity,
      'security-severity': SECURITY_SEVERITY[c.severity],
    },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => ({
    ruleId: f.checkId,
    ruleIndex: ruleIndex.get(f.checkId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: `${f.resource.type} ${f.resource.name}: ${f.message}. Fix: ${f.fix}` },
    locations: [
      {
        logicalLocations: [
          { fullyQualifiedName: f.resource.id, name: f.resource.name, kind: f.resource.type },
        ],
      },
    ],
    partialFingerprints: { resourceCheck: `${f.checkId}:${f.resource.id}` },
    properties: { severity: f.severity, service: f.resource.service, fix: f.fix },
  }));
  const notifications = [
    ...(report.fatal ? [report.fatal] : []),
    ...report.notAudited,
    ...report.gaps.filter((g) => g.resource).map((g) => `incomplete: ${g.resource}: ${g.message}`),
  ].map((text) => ({ level: 'warning', message: { text } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'switchyard-doctor',
            semanticVersion: report.tool.version,
            informationUri: 'https://github.com/switchyard/switchyard/blob/main/docs/doctor.md',
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: report.fatal === undefined && report.complete,
            startTimeUtc: report.startedAt,
            toolExecutionNotifications: notifications,
          },
        ],
        results,
        properties: {
          target: report.target,
          apiCalls: report.apiCalls,
          scanned: report.scanned,
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
