/**
 * CloudWatch: every metric alarm, with the metrics it watches — the single metric of a
 * classic alarm and every MetricStat of a metric-math alarm.
 */
import { DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Collector } from './collector.js';
import type { AlarmInfo, AlarmMetric } from './inventory.js';
import { paginate } from './paginate.js';

function dims(list: Array<{ Name?: string; Value?: string }> | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).map((d) => [d.Name ?? '', d.Value ?? '']));
}

function watched(a: MetricAlarm): AlarmMetric[] {
  const out: AlarmMetric[] = [];
  if (a.MetricName && a.Namespace) {
    out.push({ namespace: a.Namespace, metricName: a.MetricName, dimensions: dims(a.Dimensions) });
  }
  for (const q of a.Metrics ?? []) {
    const m = q.MetricStat?.Metric;
    if (m?.MetricName && m.Namespace) {
      out.push({
        namespace: m.Namespace,
        metricName: m.MetricName,
        dimensions: dims(m.Dimensions),
      });
    }
  }
  return out;
}

export const collectAlarms: Collector = async (ctx) => {
  const { cloudwatch } = ctx.clients;
  const listed = await paginate(async (NextToken) => {
    const r = await cloudwatch.send(
      new DescribeAlarmsCommand({ NextToken, MaxRecords: 100, AlarmTypes: ['MetricAlarm'] }),
    );
    return { items: r.MetricAlarms, next: r.NextToken };
  });
  const alarms: AlarmInfo[] = listed.map((a) => ({
    name: a.AlarmName ?? '',
    arn: a.AlarmArn ?? a.AlarmName ?? '',
    actionsEnabled: a.ActionsEnabled ?? true,
    alarmActions: a.AlarmActions ?? [],
    metrics: watched(a),
  }));
  return { alarms };
};
