/**
 * Types for the compact AWS service models written by scripts/gen-aws-models.py
 * (src/protocols/aws/model/<service>.json) and a cached loader for them.
 *
 * The JSON keeps botocore's vocabulary: a shape reference (`ShapeRef`) may carry wire traits
 * (locationName, flattened, timestampFormat, ...) that override those of the shape it names;
 * `resolveRef` merges the two the way botocore does. `locationName` and `flattened` are
 * query/XML wire facts; the JSON codecs use member names only (the generator refuses JSON
 * models that rename members).
 */
import { readFileSync } from 'node:fs';
import { DomainError } from '../../../core/errors/domain-error.js';

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'short'
  | 'byte'
  | 'boolean'
  | 'float'
  | 'double'
  | 'bigdecimal'
  | 'biginteger'
  | 'timestamp'
  | 'blob';

export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

/** Wire traits a reference may set on top of the shape it names. */
export interface WireTraits {
  locationName?: string;
  flattened?: boolean;
  xmlAttribute?: boolean;
  xmlNamespace?: { uri: string; prefix?: string };
  timestampFormat?: TimestampFormat;
}

export interface ShapeRef extends WireTraits {
  shape: string;
  location?: string;
  queryName?: string;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
  hostLabel?: boolean;
}

export interface Shape extends WireTraits {
  type: ShapeType;
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  fault?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  union?: boolean;
  document?: boolean;
  xmlOrder?: string[];
}

export interface OperationModel {
  http: { method: string; requestUri: string; responseCode?: number };
  input?: string;
  output?: string;
  /** Query/XML: the element wrapping the output inside `<OpResponse>`. */
  resultWrapper?: string;
  errors?: string[];
  requestCompression?: { encodings: string[] };
}

export interface ServiceMetadata {
  apiVersion: string;
  protocol: string;
  protocols: string[];
  jsonVersion?: string;
  targetPrefix?: string;
  xmlNamespace?: string;
  endpointPrefix?: string;
  signingName: string;
  serviceId?: string;
  globalEndpoint?: string;
  awsQueryCompatible?: boolean;
}

export interface ServiceModel {
  service: string;
  metadata: ServiceMetadata;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

/** A shape with the traits of the reference that led to it applied; `name` is the shape name. */
export type ResolvedShape = Shape & { name: string };

const cache = new Map<string, ServiceModel>();

/** Loads `model/<service>.json` next to this module's folder (src/ or dist/), once. */
export function loadServiceModel(service: string): ServiceModel {
  const cached = cache.get(service);
  if (cached) return cached;
  if (!/^[a-z0-9-]+$/.test(service)) throw new Error(`invalid service model name: ${service}`);
  const url = new URL(`../model/${service}.json`, import.meta.url);
  const model = JSON.parse(readFileSync(url, 'utf8')) as ServiceModel;
  if (!model.metadata || !model.operations || !model.shapes) {
    throw new Error(`service model ${service} is malformed`);
  }
  cache.set(service, model);
  return model;
}

/** The operation, or DomainError('InvalidAction') when the model has no such operation. */
export function getOperation(model: ServiceModel, operation: string): OperationModel {
  const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!op) {
    throw new DomainError(
      'InvalidAction',
      `The action ${operation} is not valid for this web service.`,
    );
  }
  return op;
}

export function getShape(model: ServiceModel, name: string): ResolvedShape {
  const shape = Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined;
  if (!shape) throw new Error(`service model ${model.service} has no shape ${name}`);
  return { ...shape, name };
}

const resolved = new WeakMap<ShapeRef, ResolvedShape>();
const REF_TRAITS = [
  'locationName',
  'flattened',
  'xmlAttribute',
  'xmlNamespace',
  'timestampFormat',
] as const;

/** The shape a reference names, with the reference's wire traits overriding the shape's. */
export function resolveRef(model: ServiceModel, ref: ShapeRef): ResolvedShape {
  const hit = resolved.get(ref);
  if (hit) return hit;
  const shape = getShape(model, ref.shape);
  for (const trait of REF_TRAITS) {
    if (ref[trait] !== undefined) Object.assign(shape, { [trait]: ref[trait] });
  }
  resolved.set(ref, shape);
  return shape;
}

/**
 * A member's query/XML name: its locationName or its name, except that a flattened list
 * takes its element's locationName when it has one (botocore's rule).
 */
export function memberKey(model: ServiceModel, name: string, ref: ShapeRef): string {
  const member = resolveRef(model, ref);
  if (member.type === 'list' && member.flattened && member.member) {
    const element = resolveRef(model, member.member);
    if (element.locationName) return element.locationName;
  }
  return member.locationName ?? name;
}

/** Object property write that also works for keys such as `__proto__` (map keys are data). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
