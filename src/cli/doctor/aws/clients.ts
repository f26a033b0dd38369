/**
 * The SDK clients the doctor audits with, all built the same way: one endpoint (or none, for
 * real AWS), one region, one credential source, and three middlewares on every client:
 * - a read-only guard: any operation not named List*, Describe* or Get* is refused before it
 *   is sent (the doctor never changes an account);
 * - the shared limiter (bounded concurrency across all services);
 * - the call counter, which also drives the progress indicator.
 */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { Limiter } from './limiter.js';

export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientTarget {
  /** undefined: the SDK's own endpoint resolution (real AWS). */
  endpoint: string | undefined;
  /** undefined: the SDK's region chain (AWS_REGION, profile). */
  region: string | undefined;
  /** undefined: the SDK's default credential chain. */
  credentials: StaticCredentials | undefined;
  concurrency: number;
}

export interface CallCounter {
  total: number;
  byOperation: Map<string, number>;
  onCall?: () => void;
}

export interface Clients {
  sqs: SQSClient;
  sns: SNSClient;
  events: EventBridgeClient;
  sfn: SFNClient;
  cloudwatch: CloudWatchClient;
  iam: IAMClient;
  kms: KMSClient;
  sts: STSClient;
  counter: CallCounter;
  destroy(): void;
}

export class MutatingCallRefused extends Error {}

const READ_ONLY = /^(List|Describe|Get)[A-Z]/;

interface StackLike {
  middlewareStack: {
    add(
      mw: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string; clientName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

function instrument(client: StackLike, service: string, limiter: Limiter, counter: CallCounter) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      if (!READ_ONLY.test(op)) {
        throw new MutatingCallRefused(`doctor refused to call ${service}:${op} (not read-only)`);
      }
      return limiter.run(async () => {
        counter.total++;
        const key = `${service}:${op}`;
        counter.byOperation.set(key, (counter.byOperation.get(key) ?? 0) + 1);
        try {
          return await next(args);
        } finally {
          counter.onCall?.();
        }
      });
    },
    { step: 'initialize', name: 'switchyardDoctorReadOnly' },
  );
}

export function createClients(target: ClientTarget): Clients {
  const config = {
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    ...(target.region !== undefined ? { region: target.region } : {}),
    ...(target.credentials !== undefined ? { credentials: target.credentials } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  };
  const limiter = new Limiter(target.concurrency);
  const counter: CallCounter = { total: 0, byOperation: new Map() };
  const clients = {
    sqs: new SQSClient(config),
    sns: new SNSClient(config),
    events: new EventBridgeClient(config),
    sfn: new SFNClient(config),
    cloudwatch: new CloudWatchClient(config),
    iam: new IAMClient(config),
    kms: new KMSClient(config),
    sts: new STSClient(config),
  };
  for (const [service, client] of Object.entries(clients)) {
    instrument(client as unknown as StackLike, service, limiter, counter);
  }
  return {
    ...clients,
    counter,
    destroy() {
      for (const c of Object.values(clients)) c.destroy();
    },
  };
}
