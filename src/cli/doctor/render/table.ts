/**
 * The human report: findings grouped by resource (most severe first within each), coloured by
 * severity, each with why it matters and the fix; then what was not audited and a summary.
 */
import { severityRank, SEVERITIES, type Finding } from '../model.js';
import { countBySeverity, type Report } from '../report.js';
import { paintSeverity, painter } from './colour.js';

function groupByResource(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.resource.service}\u0000${f.resource.id}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) =>
    g.sort((a, b) => severityRank(b.severity) - severityRank(a.severity)),
  );
}

function indent(text: string, prefix: string): string {
  return text.split('\n').join(`\n${prefix}`);
}

export function renderTable(report: Report, colour: boolean): string {
  const paint = painter(colour);
  const out: string[] = [];
  const t = report.target;
  const where = t.aws ? 'AWS' : (t.endpoint ?? '');
  out.push(
    paint(
      `switchyard doctor — ${where} (${t.region}${t.accountId ? `, account ${t.accountId}` : ''})`,
      '1',
    ),
    '',
  );
  if (report.fatal) {
    out.push(paint(`error: ${report.fatal}`, '1;31'), 'nothing was audited.', '');
    return out.join('\n');
  }
  const idWidth = Math.max(0, ...report.findings.map((f) => f.checkId.length));
  for (const group of groupByResource(report.findings)) {
    const r = group[0]?.resource;
    if (!r) continue;
    out.push(`${paint(`${r.service} ${r.type}`, '2')} ${paint(r.name, '1')}  ${paint(r.id, '2')}`);
    for (const f of group) {
      const sev = paintSeverity(paint, f.severity, f.severity.toUpperCase().padEnd(8));
      const pad = ' '.repeat(2 + 8 + 1 + idWidth + 2);
      out.push(`  ${sev} ${f.checkId.padEnd(idWidth)}  ${f.message}`);
      out.push(`${pad}${paint('why', '2')} ${indent(f.why, `${pad}    `)}`);
      out.push(`${pad}${paint('fix', '2')} ${f.fix}`);
    }
    out.push('');
  }
  for (const line of report.notAudited) out.push(paint(line, '33'));
  const resourceGaps = report.gaps.filter((g) => g.resource !== undefined);
  for (const g of resourceGaps.slice(0, 10)) {
    out.push(paint(`incomplete: ${g.resource}: ${g.message}`, '33'));
  }
  if (resourceGaps.length > 10)
    out.push(paint(`incomplete: … and ${resourceGaps.length - 10} more resources`, '33'));
  for (const c of report.checks.filter((c) => c.status === 'failed')) {
    out.push(paint(`${c.id}: ${c.reason ?? 'failed'}`, '31'));
  }
  if (report.notAudited.length + resourceGaps.length > 0) out.push('');

  const counts = countBySeverity(report.findings);
  const bySeverity = [...SEVERITIES]
    .reverse()
    .filter((s) => counts[s] > 0)
    .map((s) => paintSeverity(paint, s, `${counts[s]} ${s}`))
    .join(', ');
  const ran = report.checks.filter((c) => c.status === 'ran' || c.status === 'incomplete').length;
  const resources = new Set(report.findings.map((f) => f.resource.id)).size;
  const scanned = Object.entries(report.scanned)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  out.push(
    report.findings.length === 0
      ? paint('no findings', '32')
      : `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} on ${resources} resource${resources === 1 ? '' : 's'}: ${bySeverity}`,
    `${ran} of ${report.checks.length} checks ran${report.complete ? '' : paint(' (incomplete: see above)', '33')} · scanned ${scanned || 'nothing'} · ${report.apiCalls} API calls in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return `${out.join('\n')}\n`;
}
