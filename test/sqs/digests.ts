/**
 * The SQS digests, computed independently of the server's implementation, from the algorithm
 * as documented ("Calculating the MD5 message digest for message attributes", SQS Developer
 * Guide): for each attribute in name order, 4-byte big-endian length + UTF-8 name, length +
 * data type, one transport byte (1 for String/Number values, 2 for Binary), length + value.
 */
import { createHash } from 'node:crypto';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';

export const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

function withLength(hash: ReturnType<typeof createHash>, bytes: Uint8Array): void {
  const len = new DataView(new ArrayBuffer(4));
  len.setUint32(0, bytes.byteLength, false);
  hash.update(new Uint8Array(len.buffer));
  hash.update(bytes);
}

export function md5OfAttributes(attrs: Record<string, MessageAttributeValue>): string {
  const hash = createHash('md5');
  const enc = new TextEncoder();
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name]!;
    withLength(hash, enc.encode(name));
    withLength(hash, enc.encode(a.DataType));
    if (a.StringValue !== undefined) {
      hash.update(Uint8Array.of(1));
      withLength(hash, enc.encode(a.StringValue));
    } else {
      hash.update(Uint8Array.of(2));
      withLength(hash, a.BinaryValue!);
    }
  }
  return hash.digest('hex');
}

/** Known answers computed with Python's hashlib and struct, a third implementation. */
export const KNOWN_ANSWERS: { attrs: Record<string, MessageAttributeValue>; md5: string }[] = [
  {
    attrs: { a: { DataType: 'String', StringValue: 'x' } },
    md5: 'a512aac9938034acb0b3c3d965944bf1',
  },
  {
    attrs: {
      name: { DataType: 'String', StringValue: 'Ünïcödé ✓' },
      count: { DataType: 'Number', StringValue: '42' },
      ratio: { DataType: 'Number.float', StringValue: '-1.5e3' },
      blob: { DataType: 'Binary', BinaryValue: Uint8Array.of(0, 1, 2, 254, 255) },
      kind: { DataType: 'String.custom', StringValue: 'k' },
      raw: { DataType: 'Binary.png', BinaryValue: Uint8Array.of(0x89, 0x50, 0x4e, 0x47) },
    },
    md5: 'afaad841e3ee4aae7159b5a920c5d19c',
  },
];

export const TRACE_HEADER =
  'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
/** MD5OfMessageSystemAttributes of `{AWSTraceHeader: String TRACE_HEADER}` (Python). */
export const TRACE_HEADER_MD5 = '5ae4d5d7636402d80f4eb6d213245a88';
