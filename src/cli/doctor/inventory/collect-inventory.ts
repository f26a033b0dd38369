/**
 * Builds the inventory: the caller's account (STS, else the first ARN seen), then every wanted
 * source's collector in parallel. A source whose listing fails gets the failure's kind as its
 * status and one gap; one whose per-resource reads failed is `partial`. Nothing thrown by a
 * collector escapes.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Clients } from '../aws/clients.js';
import { classifyError } from '../aws/errors.js';
import type { Source } from '../model.js';
import { gapSink, type Collector } from './collector.js';
import { collectAlarms } from './alarms-collector.js';
import { collectEvents } from './events-collector.js';
import { collectIam } from './iam-collector.js';
import { emptyInventory, type Inventory } from './inventory.js';
import { collectKms } from './kms-collector.js';
import { collectSns } from './sns-collector.js';
import { collectSqs } from './sqs-collector.js';
import { collectStates } from './states-collector.js';

const COLLECTORS: Partial<Record<Source, Collector>> = {
  sqs: collectSqs,
  sns: collectSns,
  events: collectEvents,
  states: collectStates,
  alarms: collectAlarms,
  iam: collectIam,
  kms: collectKms,
};

function accountFromArns(inv: Inventory): string | undefined {
  const arns = [
    ...inv.queues.map((q) => q.arn),
    ...inv.topics.map((t) => t.arn),
    ...inv.rules.map((r) => r.arn),
    ...inv.stateMachines.map((s) => s.arn),
  ];
  for (const arn of arns) {
    const account = arn.split(':')[4];
    if (account && /^\d{12}$/.test(account)) return account;
  }
  return undefined;
}

export async function collectInventory(
  clients: Clients,
  region: string,
  wanted: ReadonlySet<Source>,
  onSourceDone: (source: Source) => void = () => {},
): Promise<Inventory> {
  const inv = emptyInventory(region);
  const ctx = { clients, miss: gapSink(inv.gaps) };
  const identity = clients.sts.send(new GetCallerIdentityCommand({})).then(
    (r) => r.Account,
    () => undefined,
  );
  await Promise.all(
    Object.entries(COLLECTORS).map(async ([name, collect]) => {
      const source = name as Source;
      if (!wanted.has(source)) return;
      try {
        Object.assign(inv, await collect(ctx));
        if (inv.gaps.some((g) => g.source === source)) inv.status[source] = 'partial';
      } catch (err) {
        const { kind, message } = classifyError(err);
        inv.status[source] = kind;
        inv.gaps.push({ source, kind, message });
      } finally {
        onSourceDone(source);
      }
    }),
  );
  inv.accountId = (await identity) ?? accountFromArns(inv);
  return inv;
}
