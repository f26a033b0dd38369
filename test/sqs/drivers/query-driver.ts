/**
 * The query driver: what older SDKs send — SigV4-signed form posts
 * (`Action=<Op>&Version=2012-11-05&…`) answered in XML (`xmlns
 * http://queue.amazonaws.com/doc/2012-11-05/`), errors as `<ErrorResponse><Error><Code>`.
 *
 * The test serializes SDK-shaped inputs itself from the SQS model's wire names (locationName,
 * flattened lists and maps: `Attribute.N.Name`, `MessageAttribute.N.Value.StringValue`,
 * `SendMessageBatchRequestEntry.N.Id`, `Tag.N.Key`, …) and reads the XML back into the SDK's
 * output shapes, so every behaviour case runs unchanged on both protocols. Like the SDK, it
 * checks the body MD5 digests of SendMessage(Batch) and ReceiveMessage.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OpName, Input, Output, RawCall, RawResult, SqsDriver } from './driver.js';
import { queryError, signedPost, xml, type SignOptions } from './http.js';

export const SQS_XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';
export const API_VERSION = '2012-11-05';

interface MemberRef {
  shape: string;
  locationName?: string;
  flattened?: boolean;
}
interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  flattened?: boolean;
}
interface Model {
  operations: Record<string, { input?: string; output?: string; resultWrapper?: string }>;
  shapes: Record<string, Shape>;
}

const model = JSON.parse(
  readFileSync(new URL('../../../src/protocols/aws/model/sqs.json', import.meta.url), 'utf8'),
) as Model;

function shapeOf(ref: MemberRef): Shape {
  const s = model.shapes[ref.shape];
  if (!s) throw new Error(`unknown shape ${ref.shape}`);
  return s;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** SDK-shaped input → form fields, by the model's query wire names. */
export function serializeQuery(op: string, input: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const inputShape = model.operations[op]?.input;
  if (inputShape) write(out, '', { shape: inputShape }, input);
  return out;
}

function write(out: [string, string][], prefix: string, ref: MemberRef, value: unknown): void {
  if (value === undefined || value === null) return;
  const shape = shapeOf(ref);
  const join = (name: string) => (prefix ? `${prefix}.${name}` : name);
  switch (shape.type) {
    case 'structure':
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        write(out, join(m.locationName ?? name), m, (value as Record<string, unknown>)[name]);
      }
      return;
    case 'list': {
      const items = value as unknown[];
      // An empty list is sent as the bare name with an empty value, as botocore does.
      if (items.length === 0) {
        out.push([prefix, '']);
        return;
      }
      const base =
        ref.flattened || shape.flattened
          ? prefix
          : `${prefix}.${shape.member!.locationName ?? 'member'}`;
      items.forEach((v, i) => write(out, `${base}.${i + 1}`, shape.member!, v));
      return;
    }
    case 'map': {
      const base = ref.flattened || shape.flattened ? prefix : `${prefix}.entry`;
      Object.entries(value as Record<string, unknown>).forEach(([k, v], i) => {
        write(out, `${base}.${i + 1}.${shape.key!.locationName ?? 'key'}`, shape.key!, k);
        write(out, `${base}.${i + 1}.${shape.value!.locationName ?? 'value'}`, shape.value!, v);
      });
      return;
    }
    case 'blob':
      out.push([prefix, Buffer.from(value as Uint8Array | string).toString('base64')]);
      return;
    default:
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new Error(`expected a scalar for ${prefix}, got ${typeof value}`);
      }
      out.push([prefix, String(value)]);
  }
}

const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Parsed XML element → SDK-shaped value, by the model. */
function read(ref: MemberRef, node: unknown): unknown {
  const shape = shapeOf(ref);
  switch (shape.type) {
    case 'structure': {
      const obj = (typeof node === 'object' && node !== null ? node : {}) as Record<
        string,
        unknown
      >;
      const out: Record<string, unknown> = {};
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const child = obj[m.locationName ?? name];
        const mShape = shapeOf(m);
        const flattened = m.flattened || mShape.flattened;
        if ((mShape.type === 'list' || mShape.type === 'map') && flattened) {
          if (child === undefined) {
            if (shape.required?.includes(name)) out[name] = mShape.type === 'list' ? [] : {};
            continue;
          }
          out[name] =
            mShape.type === 'list'
              ? asArray(child).map((c) => read(mShape.member!, c))
              : readMap(mShape, asArray(child));
        } else if (child !== undefined) {
          out[name] = read(m, child);
        } else if (shape.required?.includes(name) && mShape.type === 'list') {
          out[name] = [];
        }
      }
      return out;
    }
    case 'list': {
      const wrapper = (typeof node === 'object' && node !== null ? node : {}) as Record<
        string,
        unknown
      >;
      return asArray(wrapper[shape.member!.locationName ?? 'member']).map((c) =>
        read(shape.member!, c),
      );
    }
    case 'map': {
      const wrapper = (typeof node === 'object' && node !== null ? node : {}) as Record<
        string,
        unknown
      >;
      return readMap(shape, asArray(wrapper.entry));
    }
    case 'integer':
    case 'long':
      return Number(node);
    case 'boolean':
      return node === 'true';
    case 'blob':
      return new Uint8Array(Buffer.from(String(node as string), 'base64'));
    default:
      if (typeof node !== 'string')
        throw new Error(`expected text for ${ref.shape}, got ${JSON.stringify(node)}`);
      return node;
  }
}

function readMap(shape: Shape, entries: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of entries as Record<string, unknown>[]) {
    const k = read(shape.key!, e[shape.key!.locationName ?? 'key']) as string;
    out[k] = read(shape.value!, e[shape.value!.locationName ?? 'value']);
  }
  return out;
}

export interface QueryDriverOptions {
  endpoint: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}

export class QueryDriver implements SqsDriver {
  readonly protocol = 'query' as const;
  readonly endpoint: string;

  constructor(private readonly opts: QueryDriverOptions) {
    this.endpoint = opts.endpoint;
  }

  /**
   * Calls `op`. With `postToQueueUrl`, the request goes to the queue URL's path and carries no
   * QueueUrl parameter (as older SDKs did).
   */
  async call<K extends OpName>(
    op: K,
    input: Input<K>,
    opts: { postToQueueUrl?: boolean } = {},
  ): Promise<Output<K>> {
    let path = '/';
    let fields = input as Record<string, unknown>;
    if (opts.postToQueueUrl) {
      const { QueueUrl, ...rest } = fields;
      path = new URL(QueueUrl as string).pathname;
      fields = rest;
    }
    const form = new URLSearchParams([
      ['Action', op],
      ['Version', API_VERSION],
      ...serializeQuery(op, fields),
    ]);
    const res = await this.post(path, form.toString());
    if (res.status !== 200) throw queryError(res);
    const doc = xml.parse(res.body) as Record<string, Record<string, unknown> | undefined>;
    const root = doc[`${op}Response`];
    if (!root) throw new Error(`no ${op}Response in ${res.body.slice(0, 300)}`);
    if (
      typeof root.ResponseMetadata !== 'object' ||
      typeof (root.ResponseMetadata as { RequestId?: unknown }).RequestId !== 'string'
    ) {
      throw new Error(`no RequestId in ${res.body.slice(0, 300)}`);
    }
    const spec = model.operations[op]!;
    const out = (
      spec.output ? read({ shape: spec.output }, root[spec.resultWrapper ?? `${op}Result`]) : {}
    ) as Output<K>;
    checkDigests(op, fields, out);
    return out;
  }

  async raw(req: RawCall): Promise<RawResult> {
    const body =
      req.form ??
      `Action=${encodeURIComponent(req.op)}&Version=${API_VERSION}${req.body ? `&${req.body}` : ''}`;
    const res = await this.post(req.path ?? '/', body, req.sign, req.headers);
    return res.status === 200 ? res : { ...res, error: queryError(res) };
  }

  private post(
    path: string,
    body: string,
    sign: SignOptions = {},
    headers: Record<string, string> = {},
  ) {
    return signedPost(
      this.endpoint,
      path,
      body,
      { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
      {
        accessKeyId: this.opts.accessKeyId,
        secretAccessKey: this.opts.secretAccessKey,
        region: this.opts.region,
        ...sign,
      },
    );
  }
}

/** The body digests the SDKs verify, verified here too. */
function checkDigests(
  op: string,
  input: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  const fail = (what: string) => {
    throw new Error(`MD5 mismatch in ${op}: ${what}`);
  };
  if (op === 'SendMessage' && out.MD5OfMessageBody !== md5(input.MessageBody as string))
    fail('MD5OfMessageBody');
  if (op === 'ReceiveMessage') {
    for (const m of (out.Messages ?? []) as { Body: string; MD5OfBody: string }[]) {
      if (m.MD5OfBody !== md5(m.Body)) fail('MD5OfBody');
    }
  }
  if (op === 'SendMessageBatch') {
    const bodies = new Map(
      ((input.Entries ?? []) as { Id: string; MessageBody: string }[]).map((e) => [
        e.Id,
        e.MessageBody,
      ]),
    );
    for (const s of (out.Successful ?? []) as { Id: string; MD5OfMessageBody: string }[]) {
      if (s.MD5OfMessageBody !== md5(bodies.get(s.Id) ?? '')) fail(`MD5OfMessageBody of ${s.Id}`);
    }
  }
}
