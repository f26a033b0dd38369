/**
 * Pure pieces of the doctor, without an endpoint: the cases moto cannot produce (a pending
 * subscription, a recently used key, an Express state machine), policy analysis, ASL walking,
 * the cost estimate, error classification, shell quoting, and docs/doctor.md covering every
 * check id.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../src/cli/doctor/aws/errors.js';
import { estimateMonthlyCost } from '../../src/cli/doctor/checks/cost/express-estimate.js';
import { sfnExpressCandidate } from '../../src/cli/doctor/checks/cost/sfn-express-candidate.js';
import { snsSubscriptionPending } from '../../src/cli/doctor/checks/maintenance/sns-subscription-pending.js';
import { CHECKS } from '../../src/cli/doctor/checks/registry.js';
import { iamAccessKeyUnused } from '../../src/cli/doctor/checks/security/iam-access-key-unused.js';
import { aslStates } from '../../src/cli/doctor/checks/support/asl.js';
import { FixBuilder, shellQuote } from '../../src/cli/doctor/checks/support/fix-command.js';
import { openStatements } from '../../src/cli/doctor/checks/support/policy-analysis.js';
import { emptyInventory } from '../../src/cli/doctor/inventory/inventory.js';
import type { CheckContext } from '../../src/cli/doctor/model.js';
import { DEFAULT_THRESHOLDS } from '../../src/cli/doctor/run-doctor.js';

const now = new Date('2026-06-01T00:00:00Z');
const ctx = (values: Record<string, number[]> = {}): CheckContext => ({
  now,
  accountId: '123456789012',
  region: 'us-east-1',
  thresholds: DEFAULT_THRESHOLDS,
  fix: new FixBuilder(undefined, 'us-east-1'),
  metrics: { available: true, get: (k) => values[k] ?? [] },
});

describe('checks on hand-built inventories', () => {
  it('sns-subscription-pending flags only the pending subscription', () => {
    const inv = emptyInventory('us-east-1');
    const sub = {
      topicArn: 'arn:aws:sns:us-east-1:123456789012:t',
      protocol: 'https',
      attributes: undefined,
    };
    inv.subscriptions = [
      { ...sub, arn: 'PendingConfirmation', endpoint: 'https://a.example', pending: true },
      { ...sub, arn: `${sub.topicArn}:1`, endpoint: 'https://b.example', pending: false },
    ];
    const found = snsSubscriptionPending.run(inv, ctx());
    expect(found.map((f) => f.resource.name)).toEqual(['t → https://a.example']);
  });

  it('iam-access-key-unused: recent use passes, old use and never-used old keys do not', () => {
    const inv = emptyInventory('us-east-1');
    const day = 86_400_000;
    const key = (id: string, created: number, used?: number) => ({
      userName: 'u',
      accessKeyId: id,
      status: 'Active',
      createdAt: new Date(now.getTime() - created * day),
      lastUsedAt: used === undefined ? undefined : new Date(now.getTime() - used * day),
    });
    inv.accessKeys = [
      key('RECENT', 400, 3),
      key('STALE', 400, 120),
      key('NEVER', 100),
      key('NEW', 10),
    ];
    const found = iamAccessKeyUnused.run(inv, ctx());
    expect(found.map((f) => [f.resource.id, f.message])).toEqual([
      ['STALE', 'last used 120 days ago'],
      ['NEVER', 'never used, created 100 days ago'],
    ]);
  });

  it('sfn-express-candidate never proposes Express workflows or ones using .sync', () => {
    const inv = emptyInventory('us-east-1');
    const def = (resource: string) =>
      JSON.stringify({
        StartAt: 'A',
        States: { A: { Type: 'Task', Resource: resource, End: true } },
      });
    const sm = (name: string, type: string, resource: string) => ({
      name,
      arn: `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`,
      type,
      definition: def(resource),
      encryptionType: undefined,
      kmsKeyId: undefined,
      aliasCount: 1,
    });
    inv.stateMachines = [
      sm('standard', 'STANDARD', 'arn:aws:states:::lambda:invoke'),
      sm('express', 'EXPRESS', 'arn:aws:states:::lambda:invoke'),
      sm('sync', 'STANDARD', 'arn:aws:states:::glue:startJobRun.sync'),
    ];
    const base = ctx();
    const values: Record<string, number[]> = {};
    for (const r of sfnExpressCandidate.metrics!(inv, base)) {
      values[r.key] = r.metricName === 'ExecutionsStarted' ? [3_000_000] : [1500];
    }
    expect(sfnExpressCandidate.run(inv, ctx(values)).map((f) => f.resource.name)).toEqual([
      'standard',
    ]);
  });
});

describe('policy analysis', () => {
  const policy = (statement: object) => JSON.stringify({ Statement: [statement] });
  it.each([
    [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage' }, 'anyone'],
    [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::*:root' }, Action: 'events:PutEvents' },
      'anyone',
    ],
    [
      {
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::999999999999:root'] },
        Action: 'sns:Publish',
      },
      'account 999999999999',
    ],
    [{ Effect: 'Allow', Principal: { AWS: '999999999999' }, Action: '*' }, 'account 999999999999'],
  ])('%j is open to %s', (st, grantee) => {
    expect(openStatements(policy(st), '123456789012').map((o) => o.grantee)).toEqual([grantee]);
  });
  it.each([
    [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sqs:*',
        Condition: { ArnEquals: { 'aws:SourceArn': 'x' } },
      },
    ],
    [
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Publish',
        Condition: { StringEquals: { 'AWS:SourceOwner': '1' } },
      },
    ],
    [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: '*',
        Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ],
    [{ Effect: 'Deny', Principal: '*', Action: '*' }],
    [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/app' }, Action: '*' }],
    [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage' }],
  ])('%j is not open', (st) => {
    expect(openStatements(policy(st), '123456789012')).toEqual([]);
  });
  it('tolerates garbage', () => {
    expect(openStatements('not json', '1')).toEqual([]);
    expect(openStatements(undefined, '1')).toEqual([]);
  });
});

describe('helpers', () => {
  it('walks nested ASL states', () => {
    const def = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'r', End: true } } }],
          Next: 'M',
        },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'U',
            States: { U: { Type: 'Task', Resource: 'r', Retry: [{}], End: true } },
          },
          End: true,
        },
      },
    };
    expect(
      aslStates(JSON.stringify(def))?.map((s) => `${s.path}:${s.type}:${s.retry.length}`),
    ).toEqual(['P:Parallel:0', 'P[branch 0]/T:Task:0', 'M:Map:0', 'M[item]/U:Task:1']);
    expect(aslStates('{')).toBeUndefined();
  });

  it('estimates Standard vs Express cost', () => {
    const e = estimateMonthlyCost(1_000_000, 4, 1000);
    expect(e.standard).toBeCloseTo(100, 5);
    expect(e.express).toBeCloseTo(1 + 1_000_000 * 1 * (64 / 1024) * 0.00001667, 5);
  });

  it('classifies errors without stack traces', () => {
    const named = (name: string, message: string, status?: number) =>
      Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
    expect(
      classifyError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ).kind,
    ).toBe('unreachable');
    expect(classifyError(named('AccessDenied', 'no', 403)).kind).toBe('denied');
    expect(classifyError(named('InvalidClientTokenId', 'bad', 403)).kind).toBe('credentials');
    expect(
      classifyError(
        named(
          'SignatureDoesNotMatch',
          "Credential should be scoped to correct service: 'sqs'.",
          403,
        ),
      ).kind,
    ).toBe('unavailable');
    expect(classifyError(named('UnknownOperationException', 'x', 400)).kind).toBe('unavailable');
    expect(classifyError(named('ThrottlingException', 'slow down', 400))).toEqual({
      kind: 'error',
      message: 'ThrottlingException (HTTP 400): slow down',
    });
  });

  it('quotes shell arguments and builds commands for the audited endpoint', () => {
    expect(shellQuote('alias/aws/sqs')).toBe('alias/aws/sqs');
    expect(shellQuote(`{"a":"it's"}`)).toBe(`'{"a":"it'\\''s"}'`);
    expect(
      new FixBuilder('http://h:1', 'eu-west-1').aws('sqs', 'delete-queue', [
        ['--queue-url', 'http://h:1/q'],
      ]),
    ).toBe(
      'aws --endpoint-url http://h:1 --region eu-west-1 sqs delete-queue --queue-url http://h:1/q',
    );
  });

  it('docs/doctor.md documents every check id, and ids are unique', () => {
    const doc = readFileSync(new URL('../../docs/doctor.md', import.meta.url), 'utf8');
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(doc, id).toContain(`### \`${id}\``);
    const documented = [...doc.matchAll(/^### `([a-z0-9-]+)`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...ids].sort());
  });
});
