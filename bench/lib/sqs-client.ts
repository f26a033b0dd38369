/**
 * A lean SQS client for load generation: the AWS JSON 1.0 protocol over `node:http` with a
 * keep-alive agent, every request signed with Switchyard's own minimal SigV4 signer
 * (src/protocols/aws/sigv4/sign.ts, byte-identical to the AWS SDK's signatures). No retries,
 * no middleware stack, no response validation beyond the status code: the point is to leave
 * the CPU to the server under test. Also works against moto_server (which ignores signatures).
 */
import http from 'node:http';
import { signRequest } from '../../src/protocols/aws/sigv4/sign.js';

export const DEV_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const REGION = 'us-east-1';

export class SqsCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export interface SqsClientOptions {
  port: number;
  /** Most concurrent connections (one per in-flight request). */
  maxSockets: number;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}

export interface SqsMessage {
  MessageId: string;
  ReceiptHandle: string;
  Body: string;
}

export class SqsClient {
  readonly agent: http.Agent;
  readonly host: string;
  private readonly accessKeyId: string;
  private readonly secretAccessKey: string;
  private readonly region: string;

  constructor(private readonly options: SqsClientOptions) {
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: options.maxSockets,
      maxFreeSockets: options.maxSockets,
    });
    this.host = `127.0.0.1:${options.port}`;
    this.accessKeyId = options.accessKeyId ?? DEV_CREDENTIALS.accessKeyId;
    this.secretAccessKey = options.secretAccessKey ?? DEV_CREDENTIALS.secretAccessKey;
    this.region = options.region ?? REGION;
  }

  /** The headers of one signed call (exported for fixed-request replay). */
  signedHeaders(action: string, body: Buffer, now?: Date): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AmazonSQS.${action}`,
    };
    const signed = signRequest({
      method: 'POST',
      host: this.host,
      path: '/',
      headers,
      body,
      accessKeyId: this.accessKeyId,
      secretAccessKey: this.secretAccessKey,
      region: this.region,
      service: 'sqs',
      ...(now ? { now } : {}),
    });
    return { host: this.host, ...headers, ...signed, 'content-length': String(body.length) };
  }

  /** One call; resolves with the parsed JSON response, rejects with SqsCallError on a non-2xx. */
  call<T = Record<string, unknown>>(action: string, payload: object): Promise<T> {
    const body = Buffer.from(JSON.stringify(payload));
    const headers = this.signedHeaders(action, body);
    return new Promise<T>((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.options.port,
          method: 'POST',
          path: '/',
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', reject);
          res.once('end', () => {
            const text =
              chunks.length === 1 ? chunks[0]!.toString() : Buffer.concat(chunks).toString();
            const status = res.statusCode ?? 0;
            let parsed: Record<string, unknown>;
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              parsed = { message: text.slice(0, 200) };
            }
            if (status >= 200 && status < 300) {
              resolve(parsed as T);
              return;
            }
            const type = typeof parsed.__type === 'string' ? parsed.__type : 'Unknown';
            const message =
              typeof parsed.message === 'string'
                ? parsed.message
                : typeof parsed.Message === 'string'
                  ? parsed.Message
                  : '';
            reject(new SqsCallError(status, type.slice(type.lastIndexOf('#') + 1), message));
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`${action}: no response in 60 s`)));
      req.once('error', reject);
      req.end(body);
    });
  }

  async createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
    const out = await this.call<{ QueueUrl: string }>('CreateQueue', {
      QueueName: name,
      Attributes: attributes,
    });
    return out.QueueUrl;
  }

  async deleteQueue(queueUrl: string): Promise<void> {
    await this.call('DeleteQueue', { QueueUrl: queueUrl });
  }

  async sendBatch(queueUrl: string, bodies: string[]): Promise<number> {
    const out = await this.call<{ Successful?: unknown[]; Failed?: unknown[] }>(
      'SendMessageBatch',
      {
        QueueUrl: queueUrl,
        Entries: bodies.map((MessageBody, i) => ({ Id: `m${i}`, MessageBody })),
      },
    );
    return out.Successful?.length ?? 0;
  }

  async send(queueUrl: string, body: string): Promise<void> {
    await this.call('SendMessage', { QueueUrl: queueUrl, MessageBody: body });
  }

  async receive(queueUrl: string, max: number, waitTimeSeconds: number): Promise<SqsMessage[]> {
    const out = await this.call<{ Messages?: SqsMessage[] }>('ReceiveMessage', {
      QueueUrl: queueUrl,
      MaxNumberOfMessages: max,
      WaitTimeSeconds: waitTimeSeconds,
    });
    return out.Messages ?? [];
  }

  async deleteBatch(queueUrl: string, handles: string[]): Promise<number> {
    const out = await this.call<{ Successful?: unknown[] }>('DeleteMessageBatch', {
      QueueUrl: queueUrl,
      Entries: handles.map((ReceiptHandle, i) => ({ Id: `d${i}`, ReceiptHandle })),
    });
    return out.Successful?.length ?? 0;
  }

  async delete(queueUrl: string, handle: string): Promise<void> {
    await this.call('DeleteMessage', { QueueUrl: queueUrl, ReceiptHandle: handle });
  }

  close(): void {
    this.agent.destroy();
  }
}
