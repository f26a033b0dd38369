/**
 * The stored form of a message's content: body, message attributes and the AWSTraceHeader
 * system attribute, encoded as compact JSON (binary values in base64) before sealing by the
 * PayloadCipher. Storage engines never look inside.
 */
import type { MessageAttributes } from './types.js';

export interface MessageContent {
  body: string;
  attributes: MessageAttributes;
  traceHeader?: string;
}

type EncodedAttribute = [
  name: string,
  dataType: string,
  stringValue: string | null,
  binaryB64: string | null,
];

interface Encoded {
  b: string;
  a?: EncodedAttribute[];
  t?: string;
}

export function encodeContent(c: MessageContent): Buffer {
  const out: Encoded = { b: c.body };
  const names = Object.keys(c.attributes);
  if (names.length > 0) {
    out.a = names.map((name) => {
      const v = c.attributes[name]!;
      return [
        name,
        v.dataType,
        v.stringValue ?? null,
        v.binaryValue ? Buffer.from(v.binaryValue).toString('base64') : null,
      ];
    });
  }
  if (c.traceHeader !== undefined) out.t = c.traceHeader;
  return Buffer.from(JSON.stringify(out));
}

export function decodeContent(bytes: Uint8Array): MessageContent {
  const e = JSON.parse(Buffer.from(bytes).toString('utf8')) as Encoded;
  const attributes: MessageAttributes = {};
  for (const [name, dataType, s, b] of e.a ?? []) {
    attributes[name] = {
      dataType,
      ...(s !== null ? { stringValue: s } : {}),
      ...(b !== null ? { binaryValue: Buffer.from(b, 'base64') } : {}),
    };
  }
  return { body: e.b, attributes, ...(e.t !== undefined ? { traceHeader: e.t } : {}) };
}
