/**
 * AWS query protocol response encoding: an operation's output structure to the XML AWS sends,
 * `<OpResponse xmlns=…><OpResult>…</OpResult><ResponseMetadata><RequestId>…` and the
 * `<ErrorResponse>` document, driven by the service model.
 *
 * Members come in model order under their locationName; flattened lists/maps repeat the
 * member's element (`<Message>…</Message><Message>…`), others wrap items in `<member>` /
 * `<entry><key/><value/></entry>` (or the modelled names). Timestamps are ISO 8601 unless the
 * shape says otherwise, blobs base64, booleans `true`/`false`; undefined and null members are
 * left out.
 *
 * Text escaping: `&`, `<`, `>` as entities, and CR as `&#xD;` because XML parsers turn a
 * literal CR (or CRLF) into LF — with the reference the SDKs' parsers (expat in botocore, the
 * JS SDK's own) give back the exact string. Tab and LF are literal, which parsers keep.
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF,
 * unpaired surrogates) are written as U+FFFD rather than emitting a document no client can
 * parse; SQS never stores them (it rejects such bodies on input).
 */
import {
  getOperation,
  getShape,
  memberKey,
  resolveRef,
  type ResolvedShape,
  type ServiceModel,
} from './model.js';
import { formatTimestamp, toBase64 } from './scalars.js';

const MAX_DEPTH = 64;

const TEXT_SPECIAL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

/** Escapes element text (see the module comment for the rules). */
export function escapeXmlText(text: string): string {
  return text.replace(TEXT_SPECIAL, (ch) => ENTITIES[ch] ?? '\uFFFD');
}

/** Escapes an attribute value: the text rules plus quotes and whitespace as references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;');
}

export function encodeQueryResponse(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): string {
  const op = getOperation(model, operation);
  const xmlns = model.metadata.xmlNamespace;
  const parts: string[] = [
    `<?xml version="1.0"?><${operation}Response`,
    xmlns ? ` xmlns="${escapeXmlAttribute(xmlns)}">` : '>',
  ];
  if (op.output) {
    const wrapper = op.resultWrapper ?? `${operation}Result`;
    const inner: string[] = [];
    writeMembers(model, getShape(model, op.output), output ?? {}, inner, 0);
    parts.push(inner.length ? `<${wrapper}>${inner.join('')}</${wrapper}>` : `<${wrapper}/>`);
  }
  parts.push(
    `<ResponseMetadata><RequestId>${escapeXmlText(requestId)}</RequestId></ResponseMetadata>`,
    `</${operation}Response>`,
  );
  return parts.join('');
}

export interface QueryErrorSpec {
  code: string;
  message: string;
  fault: 'Sender' | 'Receiver';
}

export function encodeQueryError(spec: QueryErrorSpec, requestId: string, xmlns: string): string {
  return (
    `<?xml version="1.0"?><ErrorResponse xmlns="${escapeXmlAttribute(xmlns)}"><Error>` +
    `<Type>${spec.fault}</Type><Code>${escapeXmlText(spec.code)}</Code>` +
    `<Message>${escapeXmlText(spec.message)}</Message><Detail/></Error>` +
    `<RequestId>${escapeXmlText(requestId)}</RequestId></ErrorResponse>`
  );
}

function writeMembers(
  model: ServiceModel,
  shape: ResolvedShape,
  value: unknown,
  out: string[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) throw new Error('output nested too deeply');
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`${shape.name} output must be an object`);
  }
  const record = value as Record<string, unknown>;
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = Object.hasOwn(record, name) ? record[name] : undefined;
    if (member === undefined || member === null) continue;
    writeValue(model, resolveRef(model, ref), memberKey(model, name, ref), member, out, depth);
  }
}

function writeValue(
  model: ServiceModel,
  shape: ResolvedShape,
  tag: string,
  value: unknown,
  out: string[],
  depth: number,
): void {
  switch (shape.type) {
    case 'structure':
      out.push(`<${tag}>`);
      writeMembers(model, shape, value, out, depth + 1);
      out.push(`</${tag}>`);
      return;
    case 'list':
      writeList(model, shape, tag, value, out, depth);
      return;
    case 'map':
      writeMap(model, shape, tag, value, out, depth);
      return;
    default:
      out.push(`<${tag}>${escapeXmlText(scalarText(shape, value))}</${tag}>`);
  }
}

function writeList(
  model: ServiceModel,
  shape: ResolvedShape,
  tag: string,
  value: unknown,
  out: string[],
  depth: number,
): void {
  if (!Array.isArray(value)) throw new TypeError(`${shape.name} output must be an array`);
  if (!shape.member) return;
  const element = resolveRef(model, shape.member);
  const itemTag = shape.flattened ? tag : (element.locationName ?? 'member');
  if (!shape.flattened) out.push(`<${tag}>`);
  for (const item of value as unknown[]) {
    if (item !== undefined && item !== null) {
      writeValue(model, element, itemTag, item, out, depth + 1);
    }
  }
  if (!shape.flattened) out.push(`</${tag}>`);
}

function writeMap(
  model: ServiceModel,
  shape: ResolvedShape,
  tag: string,
  value: unknown,
  out: string[],
  depth: number,
): void {
  if (typeof value !== 'object' || value === null || !shape.key || !shape.value) {
    throw new TypeError(`${shape.name} output must be an object`);
  }
  const keyShape = resolveRef(model, shape.key);
  const valueShape = resolveRef(model, shape.value);
  const keyTag = keyShape.locationName ?? 'key';
  const valueTag = valueShape.locationName ?? 'value';
  const entryTag = shape.flattened ? tag : 'entry';
  if (!shape.flattened) out.push(`<${tag}>`);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === undefined || item === null) continue;
    out.push(`<${entryTag}><${keyTag}>${escapeXmlText(key)}</${keyTag}>`);
    writeValue(model, valueShape, valueTag, item, out, depth + 1);
    out.push(`</${entryTag}>`);
  }
  if (!shape.flattened) out.push(`</${tag}>`);
}

function scalarText(shape: ResolvedShape, value: unknown): string {
  switch (shape.type) {
    case 'timestamp':
      return String(formatTimestamp(value, shape.timestampFormat ?? 'iso8601'));
    case 'blob':
      return toBase64(value);
    case 'boolean':
      return value === true || value === 'true' ? 'true' : 'false';
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        return String(value);
      }
      throw new TypeError(`${shape.name} output must be a scalar`);
  }
}
