/**
 * Which metrics of which resources have an alarm: an index over every alarm's watched metrics
 * (metric-math alarms included), keyed by namespace, metric and one dimension. An alarm with
 * extra dimensions still counts for each of them.
 */
import type { Inventory } from '../../inventory/inventory.js';

export class AlarmIndex {
  private readonly keys = new Set<string>();

  constructor(inv: Inventory) {
    for (const a of inv.alarms) {
      for (const m of a.metrics) {
        for (const [dim, value] of Object.entries(m.dimensions)) {
          this.keys.add(AlarmIndex.key(m.namespace, m.metricName, dim, value));
        }
      }
    }
  }

  private static key(ns: string, metric: string, dim: string, value: string): string {
    return `${ns}\u0000${metric}\u0000${dim}\u0000${value}`;
  }

  has(ns: string, metric: string, dim: string, value: string): boolean {
    return this.keys.has(AlarmIndex.key(ns, metric, dim, value));
  }

  /** The metrics among `metrics` that no alarm watches for this resource. */
  missing(ns: string, metrics: string[], dim: string, value: string): string[] {
    return metrics.filter((m) => !this.has(ns, m, dim, value));
  }
}

const cache = new WeakMap<Inventory, AlarmIndex>();

export function alarmIndex(inv: Inventory): AlarmIndex {
  let idx = cache.get(inv);
  if (!idx) {
    idx = new AlarmIndex(inv);
    cache.set(inv, idx);
  }
  return idx;
}
