/**
 * The digests SQS returns and SDKs check: MD5 of the UTF-8 body, and MD5 of message attributes
 * (also used for message system attributes, i.e. AWSTraceHeader).
 *
 * Attribute encoding, as in the SQS Developer Guide ("Calculating the MD5 message digest for
 * message attributes") and the Java SDK v2 MessageMD5ChecksumInterceptor: for each attribute in
 * name order, 4-byte big-endian length + UTF-8 name, length + UTF-8 data type, one transport
 * byte (1 when the value is a string — String, Number and any custom `Number.x`/`String.x` —
 * 2 when it is binary), then length + value bytes. The Java SDK picks the transport byte from
 * which value field is present and sorts names with `Collections.sort` (UTF-16 code unit
 * order); JavaScript's default sort is the same order, so digests agree byte for byte. For the
 * ASCII names SQS documents, this is also byte and code point order.
 */
import { createHash } from 'node:crypto';
import type { MessageAttributes } from './types.js';

const STRING_TRANSPORT = 1;
const BINARY_TRANSPORT = 2;

/** Hex MD5 of the UTF-8 encoding of `body`. */
export function md5Hex(body: string): string {
  return createHash('md5').update(body, 'utf8').digest('hex');
}

/** Hex SHA-256 of the UTF-8 body: the MessageDeduplicationId of content-based deduplication. */
export function contentDeduplicationId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

function lengthPrefixed(bytes: Uint8Array): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length, 0);
  return [length, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
}

function utf8(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

/** The exact byte string SQS hashes for a set of message attributes. */
export function encodeMessageAttributesForMd5(attrs: MessageAttributes): Buffer {
  const parts: Buffer[] = [];
  for (const name of Object.keys(attrs).sort()) {
    const attr = attrs[name];
    if (attr === undefined) continue;
    parts.push(...lengthPrefixed(utf8(name)), ...lengthPrefixed(utf8(attr.dataType)));
    if (attr.stringValue !== undefined) {
      parts.push(Buffer.of(STRING_TRANSPORT), ...lengthPrefixed(utf8(attr.stringValue)));
    } else if (attr.binaryValue !== undefined) {
      parts.push(Buffer.of(BINARY_TRANSPORT), ...lengthPrefixed(attr.binaryValue));
    }
  }
  return Buffer.concat(parts);
}

/** Hex MD5 of the encoded attributes; undefined when there are none (SQS omits the field). */
export function md5OfMessageAttributes(attrs: MessageAttributes | undefined): string | undefined {
  if (!attrs || Object.keys(attrs).length === 0) return undefined;
  return createHash('md5').update(encodeMessageAttributesForMd5(attrs)).digest('hex');
}
