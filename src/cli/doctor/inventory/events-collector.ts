/**
 * EventBridge: every event bus (with its resource policy and KMS key), every rule on every bus
 * with its targets, and every archive (with its retention and KMS key).
 */
import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  ListArchivesCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  type Rule,
} from '@aws-sdk/client-eventbridge';
import type { Collector } from './collector.js';
import type { ArchiveInfo, BusInfo, RuleInfo } from './inventory.js';
import { paginate } from './paginate.js';

export const collectEvents: Collector = async (ctx) => {
  const { events } = ctx.clients;
  const listedBuses = await paginate(async (NextToken) => {
    const r = await events.send(new ListEventBusesCommand({ NextToken, Limit: 100 }));
    return { items: r.EventBuses, next: r.NextToken };
  });
  const buses: BusInfo[] = await Promise.all(
    listedBuses.map(async (b) => {
      const name = b.Name ?? '';
      const d = await events
        .send(new DescribeEventBusCommand({ Name: name }))
        .catch(ctx.miss('events', b.Arn ?? name));
      return {
        name,
        arn: b.Arn ?? d?.Arn ?? name,
        policy: d?.Policy ?? b.Policy,
        kmsKeyIdentifier: d?.KmsKeyIdentifier,
      };
    }),
  );
  const rulesPerBus = await Promise.all(
    buses.map((bus) =>
      paginate(async (NextToken) => {
        const r = await events.send(
          new ListRulesCommand({ EventBusName: bus.name, NextToken, Limit: 100 }),
        );
        return {
          items: r.Rules?.map((rule): [string, Rule] => [bus.name, rule]),
          next: r.NextToken,
        };
      }),
    ),
  );
  const rules: RuleInfo[] = await Promise.all(
    rulesPerBus
      .flat()
      .filter(([, r]) => !r.ManagedBy)
      .map(async ([busName, r]) => {
        const name = r.Name ?? '';
        const arn = r.Arn ?? name;
        const targets = await paginate(async (NextToken) => {
          const t = await events.send(
            new ListTargetsByRuleCommand({
              Rule: name,
              EventBusName: busName,
              NextToken,
              Limit: 100,
            }),
          );
          return { items: t.Targets, next: t.NextToken };
        }).catch(ctx.miss('events', arn));
        return {
          name,
          arn,
          busName,
          state: r.State ?? 'ENABLED',
          scheduled: Boolean(r.ScheduleExpression),
          managedBy: r.ManagedBy,
          targets: targets?.map((t) => ({
            id: t.Id ?? '',
            arn: t.Arn ?? '',
            hasRetryPolicy: t.RetryPolicy !== undefined,
            deadLetterArn: t.DeadLetterConfig?.Arn,
          })),
        };
      }),
  );
  const listedArchives = await paginate(async (NextToken) => {
    const r = await events.send(new ListArchivesCommand({ NextToken, Limit: 100 }));
    return { items: r.Archives, next: r.NextToken };
  });
  const archives: ArchiveInfo[] = await Promise.all(
    listedArchives.map(async (a) => {
      const name = a.ArchiveName ?? '';
      const d = await events
        .send(new DescribeArchiveCommand({ ArchiveName: name }))
        .catch(ctx.miss('events', name));
      return {
        name,
        arn: d?.ArchiveArn ?? name,
        sourceArn: a.EventSourceArn ?? d?.EventSourceArn ?? '',
        retentionDays: a.RetentionDays ?? d?.RetentionDays ?? 0,
        kmsKeyIdentifier: d?.KmsKeyIdentifier,
      };
    }),
  );
  return { buses, rules, archives };
};
