/**
 * CloudWatch metric reads for the checks that judge traffic (idle queues, short polling,
 * redeliveries, FIFO throughput, DLQ age, Express candidates). Checks declare what they want;
 * this module dedupes the requests and fetches them with GetMetricData, 500 queries per call,
 * following NextToken. Periods are chosen by the checks so a page stays small.
 */
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export interface MetricRequest {
  /** Unique per (resource, metric, statistic, window): checks read results by it. */
  key: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: 'Sum' | 'Maximum' | 'Average';
  periodSeconds: number;
  days: number;
}

export interface MetricResults {
  /** false when the metrics could not be read at all (then get() is always undefined). */
  readonly available: boolean;
  /** Datapoint values in the window; [] when the metric has no data. */
  get(key: string): number[] | undefined;
}

export const NO_METRICS: MetricResults = { available: false, get: () => undefined };

export function sum(values: number[] | undefined): number {
  return (values ?? []).reduce((a, b) => a + b, 0);
}

const BATCH = 500;

export async function fetchMetrics(
  cloudwatch: CloudWatchClient,
  requests: MetricRequest[],
  now: Date,
): Promise<MetricResults> {
  const unique = [...new Map(requests.map((r) => [r.key, r])).values()];
  const values = new Map<string, number[]>(unique.map((r) => [r.key, []]));
  const byWindow = new Map<number, MetricRequest[]>();
  for (const r of unique) byWindow.set(r.days, [...(byWindow.get(r.days) ?? []), r]);
  const batches: Array<{ days: number; requests: MetricRequest[] }> = [];
  for (const [days, list] of byWindow) {
    for (let i = 0; i < list.length; i += BATCH) {
      batches.push({ days, requests: list.slice(i, i + BATCH) });
    }
  }
  const fetchBatch = async ({ days, requests: batch }: (typeof batches)[number]) => {
    const queries: MetricDataQuery[] = batch.map((r, i) => ({
      Id: `m${i}`,
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: r.namespace,
          MetricName: r.metricName,
          Dimensions: Object.entries(r.dimensions).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: r.periodSeconds,
        Stat: r.stat,
      },
    }));
    let NextToken: string | undefined;
    do {
      const out = await cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(now.getTime() - days * 86_400_000),
          EndTime: now,
          NextToken,
        }),
      );
      for (const result of out.MetricDataResults ?? []) {
        const req = batch[Number((result.Id ?? '').slice(1))];
        if (req) values.get(req.key)?.push(...(result.Values ?? []));
      }
      NextToken = out.NextToken || undefined;
    } while (NextToken);
  };
  // The first batch alone: an endpoint without CloudWatch fails once, not once per batch.
  const [first, ...rest] = batches;
  if (first) await fetchBatch(first);
  await Promise.all(rest.map(fetchBatch));
  return { available: true, get: (key) => values.get(key) };
}
