/**
 * Builds metric requests with keys that identify them uniquely, so two checks asking for the
 * same series share one query.
 */
import type { MetricRequest } from '../../inventory/metrics.js';

export function metricRequest(
  namespace: string,
  metricName: string,
  dimensions: Record<string, string>,
  stat: MetricRequest['stat'],
  days: number,
  periodSeconds = 86_400,
): MetricRequest {
  const dims = Object.entries(dimensions)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    key: [namespace, metricName, dims, stat, days, periodSeconds].join('|'),
    namespace,
    metricName,
    dimensions,
    stat,
    periodSeconds,
    days,
  };
}

export const sqsMetric = (
  queueName: string,
  metric: string,
  stat: MetricRequest['stat'],
  days: number,
  periodSeconds = 86_400,
): MetricRequest =>
  metricRequest('AWS/SQS', metric, { QueueName: queueName }, stat, days, periodSeconds);
