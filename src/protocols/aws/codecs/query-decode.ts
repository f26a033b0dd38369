/**
 * AWS query protocol request decoding: form/query parameters (`Action=…&Foo.member.1=…`) to the
 * operation's input structure, driven by the service model.
 *
 * Wire rules (as botocore's and the JS SDK's query serializers write them):
 * - structure members are `Prefix.Name` (Name = the member's locationName or its name);
 * - lists are `Prefix.member.N` (or `Prefix.<member locationName>.N`); flattened lists are
 *   `Name.N`, where Name is the list member's locationName, else the member's;
 * - maps are `Prefix.entry.N.key|value` (or the key/value locationNames); flattened maps drop
 *   `.entry` (SQS `Attribute.N.Name` / `Attribute.N.Value`);
 * - an empty list is sent as `Prefix=` (botocore does this);
 * - indices are positive integers without leading zeros; they may be sparse and are ordered
 *   numerically.
 *
 * Unknown parameters are ignored, like AWS's Coral deserializers ignore unknown members (this
 * also skips `Action`, `Version`, `X-Amz-*`, `AWSAccessKeyId`, `Signature*`, `Timestamp`,
 * `Expires`, and lets newer SDKs send members Switchyard does not know yet). A parameter that
 * addresses a known list or map but cannot be decoded (`Attribute.0.Name`, `AttributeName=x`)
 * is an InvalidQueryParameter error; an unreadable scalar is InvalidParameterValue with AWS's
 * "Value … for parameter … is invalid. Reason: …" wording; a missing required member is
 * MissingParameter "The request must contain the parameter X." (SQS's wording).
 */
import { DomainError } from '../../../core/errors/domain-error.js';
import {
  getOperation,
  getShape,
  memberKey,
  resolveRef,
  setOwn,
  type ResolvedShape,
  type ServiceModel,
} from './model.js';
import { INT32_MAX, INT32_MIN, parseBase64, parseTimestamp, quote } from './scalars.js';

const MAX_DEPTH = 64;

/** One segment of a parameter name; the path from the root spells the whole name. */
interface ParamNode {
  segment: string;
  parent: ParamNode | undefined;
  value: string | undefined;
  children: Map<string, ParamNode> | undefined;
}

export function decodeQueryInput(
  model: ServiceModel,
  operation: string,
  params: Map<string, string> | URLSearchParams,
): Record<string, unknown> {
  const op = getOperation(model, operation);
  if (!op.input) return {};
  const shape = getShape(model, op.input);
  const root = buildTree(params, memberKeys(model, shape));
  return decodeStructure(model, shape, root, 0);
}

/** The wire names of a structure's members (parameters under other names are ignored). */
function memberKeys(model: ServiceModel, shape: ResolvedShape): Set<string> {
  return new Set(
    Object.entries(shape.members ?? {}).map(([name, ref]) => memberKey(model, name, ref)),
  );
}

function buildTree(params: Iterable<[string, string]>, topKeys: Set<string>): ParamNode {
  const root: ParamNode = { segment: '', parent: undefined, value: undefined, children: undefined };
  for (const [name, value] of params) {
    const dot = name.indexOf('.');
    if (!topKeys.has(dot < 0 ? name : name.slice(0, dot))) continue;
    let node = root;
    for (const segment of name.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = { segment, parent: node, value: undefined, children: undefined };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

function pathOf(node: ParamNode): string {
  const segments: string[] = [];
  for (let n: ParamNode | undefined = node; n?.parent; n = n.parent) segments.push(n.segment);
  return segments.reverse().join('.');
}

function join(node: ParamNode, key: string): string {
  const path = pathOf(node);
  return path ? `${path}.${key}` : key;
}

function missing(parameter: string): DomainError {
  return new DomainError(
    'MissingParameter',
    `The request must contain the parameter ${parameter}.`,
  );
}

function malformed(node: ParamNode, reason: string): DomainError {
  return new DomainError(
    'InvalidQueryParameter',
    `The parameter ${quote(pathOf(node))} is not valid: ${reason}`,
  );
}

function decodeValue(
  model: ServiceModel,
  shape: ResolvedShape,
  node: ParamNode,
  depth: number,
): unknown {
  if (depth > MAX_DEPTH) throw malformed(node, 'parameters are nested too deeply.');
  switch (shape.type) {
    case 'structure':
      return decodeStructure(model, shape, node, depth);
    case 'list':
      return decodeList(model, shape, node, depth);
    case 'map':
      return decodeMap(model, shape, node, depth);
    default:
      return node.value === undefined ? undefined : decodeScalar(shape, node.value, node);
  }
}

function decodeStructure(
  model: ServiceModel,
  shape: ResolvedShape,
  node: ParamNode,
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keyOf = new Map<string, string>();
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const key = memberKey(model, name, ref);
    keyOf.set(name, key);
    const child = node.children?.get(key);
    if (!child) continue;
    const value = decodeValue(model, resolveRef(model, ref), child, depth + 1);
    if (value !== undefined) out[name] = value;
  }
  for (const name of shape.required ?? []) {
    if (out[name] === undefined) throw missing(join(node, keyOf.get(name) ?? name));
  }
  return out;
}

/** The indexed children of a list/map container, in index order; anything else is an error. */
function indexed(container: ParamNode): ParamNode[] {
  const items: Array<[number, ParamNode]> = [];
  for (const child of container.children?.values() ?? []) {
    if (!/^[1-9]\d{0,8}$/.test(child.segment)) {
      throw malformed(child, 'list and map indices are positive integers starting at 1.');
    }
    items.push([Number(child.segment), child]);
  }
  return items.sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

/** For non-flattened lists/maps: the `member`/`entry` wrapper node, checking nothing else is there. */
function unwrap(node: ParamNode, wrapper: string): ParamNode | undefined {
  for (const child of node.children?.values() ?? []) {
    if (child.segment !== wrapper) throw malformed(child, `expected ${join(node, wrapper)}.N.`);
  }
  return node.children?.get(wrapper);
}

/** `Prefix=` is an empty collection; any other value on a collection's own name is an error. */
function emptyOrUndefined(node: ParamNode, container: ParamNode | undefined): boolean {
  if (container?.children) return false;
  if (node.value !== undefined && node.value !== '') {
    throw malformed(node, 'a list or map parameter needs indexed entries.');
  }
  return true;
}

function decodeList(
  model: ServiceModel,
  shape: ResolvedShape,
  node: ParamNode,
  depth: number,
): unknown[] | undefined {
  if (!shape.member) return undefined;
  const element = resolveRef(model, shape.member);
  const container = shape.flattened ? node : unwrap(node, element.locationName ?? 'member');
  if (emptyOrUndefined(node, container)) return node.value === '' ? [] : undefined;
  const out: unknown[] = [];
  for (const item of indexed(container as ParamNode)) {
    const value = decodeValue(model, element, item, depth + 1);
    if (value !== undefined) out.push(value);
  }
  return out;
}

function decodeMap(
  model: ServiceModel,
  shape: ResolvedShape,
  node: ParamNode,
  depth: number,
): Record<string, unknown> | undefined {
  if (!shape.key || !shape.value) return undefined;
  const keyShape = resolveRef(model, shape.key);
  const valueShape = resolveRef(model, shape.value);
  const keyName = keyShape.locationName ?? 'key';
  const valueName = valueShape.locationName ?? 'value';
  const container = shape.flattened ? node : unwrap(node, 'entry');
  if (emptyOrUndefined(node, container)) return node.value === '' ? {} : undefined;
  const out: Record<string, unknown> = {};
  for (const entry of indexed(container as ParamNode)) {
    const keyNode = entry.children?.get(keyName);
    if (keyNode?.value === undefined) throw missing(join(node, keyName));
    const key = String(decodeScalar(keyShape, keyNode.value, keyNode));
    const valueNode = entry.children?.get(valueName);
    const value = valueNode && decodeValue(model, valueShape, valueNode, depth + 1);
    if (value === undefined) throw missing(join(node, valueName));
    setOwn(out, key, value);
  }
  return out;
}

function invalid(node: ParamNode, text: string, reason: string): DomainError {
  return new DomainError(
    'InvalidParameterValue',
    `Value ${quote(text)} for parameter ${quote(pathOf(node))} is invalid. Reason: ${reason}`,
  );
}

function decodeScalar(shape: ResolvedShape, text: string, node: ParamNode): unknown {
  switch (shape.type) {
    case 'string':
      return text;
    case 'integer':
    case 'short':
    case 'byte':
    case 'long': {
      const n = /^[+-]?\d{1,20}$/.test(text) ? Number(text) : NaN;
      const ok =
        shape.type === 'long'
          ? Number.isSafeInteger(n)
          : Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;
      if (!ok) throw invalid(node, text, 'Must be an integer.');
      return n;
    }
    case 'float':
    case 'double':
    case 'bigdecimal': {
      const n = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) throw invalid(node, text, 'Must be a number.');
      return n;
    }
    case 'biginteger': {
      if (!/^[+-]?\d+$/.test(text)) throw invalid(node, text, 'Must be an integer.');
      return BigInt(text);
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false')
        throw invalid(node, text, 'Must be true or false.');
      return lower === 'true';
    }
    case 'timestamp': {
      const date = parseTimestamp(text);
      if (!date) throw invalid(node, text, 'Must be an ISO 8601 timestamp.');
      return date;
    }
    case 'blob': {
      const bytes = parseBase64(text);
      if (!bytes) throw invalid(node, text, 'Must be base64-encoded.');
      return bytes;
    }
    default:
      return text;
  }
}
