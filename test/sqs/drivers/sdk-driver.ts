/**
 * The JSON driver: `@aws-sdk/client-sqs` as applications use it (AWS JSON 1.0, its own
 * serializers, its MD5 checks of bodies). Service errors become SqsError with the SDK's view
 * of the code (the exception's name, i.e. the shape name); raw requests are signed JSON posts.
 */
import * as S from '@aws-sdk/client-sqs';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { OpName, Input, Output, RawCall, RawResult, SqsDriver } from './driver.js';
import { jsonError, signedPost, SqsError } from './http.js';

export interface ClientOptions {
  endpoint: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}

type CommandCtor = new (input: unknown) => Parameters<SQSClient['send']>[0];

export class SdkDriver implements SqsDriver {
  readonly protocol = 'json' as const;
  readonly endpoint: string;
  readonly client: SQSClient;

  constructor(private readonly opts: ClientOptions) {
    this.endpoint = opts.endpoint;
    this.client = new S.SQSClient({
      endpoint: opts.endpoint,
      region: opts.region ?? 'us-east-1',
      credentials: {
        accessKeyId: opts.accessKeyId ?? 'test',
        secretAccessKey: opts.secretAccessKey ?? 'test',
      },
      maxAttempts: 1,
    });
  }

  async call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>> {
    const Command = (S as unknown as Record<string, CommandCtor>)[`${op}Command`];
    if (!Command) throw new Error(`no SDK command for ${op}`);
    try {
      const out = (await this.client.send(new Command(input))) as unknown as Record<
        string,
        unknown
      >;
      delete out.$metadata;
      return out as Output<K>;
    } catch (err) {
      if (err instanceof S.SQSServiceException) {
        // The SDK's view: modelled errors by shape name; with awsQueryCompatible, unmodelled ones
        // by the x-amzn-query-error code. The body's __type is kept alongside.
        const header = err.$response?.headers?.['x-amzn-query-error'];
        const type = (err as { __type?: unknown }).__type;
        const shape = typeof type === 'string' ? type.slice(type.lastIndexOf('#') + 1) : undefined;
        throw new SqsError(err.name, err.message, err.$metadata.httpStatusCode ?? 0, header, shape);
      }
      throw err;
    }
  }

  async raw(req: RawCall): Promise<RawResult> {
    const res = await signedPost(
      this.endpoint,
      req.path ?? '/',
      req.body ?? '{}',
      {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': req.target ?? `AmazonSQS.${req.op}`,
        ...req.headers,
      },
      {
        accessKeyId: this.opts.accessKeyId,
        secretAccessKey: this.opts.secretAccessKey,
        region: this.opts.region,
        ...req.sign,
      },
    );
    return res.status === 200 ? res : { ...res, error: jsonError(res) };
  }

  destroy(): void {
    this.client.destroy();
  }
}
