/**
 * What a collector is given: the clients, and a sink for per-resource failures (a resource
 * that was listed but whose details could not be read). A collector throws only when the
 * source's own listing fails; the caller classifies that into the source's status.
 */
import type { Clients } from '../aws/clients.js';
import { classifyError } from '../aws/errors.js';
import type { Source } from '../model.js';
import type { Gap, InventoryPart } from './inventory.js';

export interface CollectorContext {
  clients: Clients;
  /** Records a failed per-resource call and returns undefined, for `.catch(ctx.miss(…))`. */
  miss(source: Source, resource: string): (err: unknown) => undefined;
}

export type Collector = (ctx: CollectorContext) => Promise<InventoryPart>;

export function gapSink(gaps: Gap[]): CollectorContext['miss'] {
  return (source, resource) => (err) => {
    const { kind, message } = classifyError(err);
    gaps.push({ source, kind, resource, message });
    return undefined;
  };
}
