/**
 * The generated SQS model: its facts, its integrity, and its query/XML wire names checked
 * against the Smithy traits shipped in @aws-sdk/client-sqs's schemas (xmlName, xmlFlattened),
 * which is where the generator's SQS overlay comes from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as sqs from '@aws-sdk/client-sqs';
import {
  loadServiceModel,
  resolveRef,
  type ServiceModel,
  type ShapeRef,
} from '../../src/protocols/aws/codecs/model.js';

const model = loadServiceModel('sqs');

describe('generated sqs model', () => {
  it('has the service metadata', () => {
    expect(model.metadata).toMatchObject({
      apiVersion: '2012-11-05',
      jsonVersion: '1.0',
      targetPrefix: 'AmazonSQS',
      signingName: 'sqs',
      awsQueryCompatible: true,
      xmlNamespace: 'http://queue.amazonaws.com/doc/2012-11-05/',
    });
    expect(model.metadata.protocols).toEqual(['json', 'query']);
    expect(Object.keys(model.operations)).toHaveLength(23);
    expect(model.operations.ReceiveMessage).toMatchObject({
      input: 'ReceiveMessageRequest',
      output: 'ReceiveMessageResult',
      resultWrapper: 'ReceiveMessageResult',
    });
    expect(model.operations.DeleteQueue?.output).toBeUndefined();
  });

  it('is compact and carries no documentation', () => {
    const text = readFileSync(
      new URL('../../src/protocols/aws/model/sqs.json', import.meta.url),
      'utf8',
    );
    expect(text.length).toBeLessThan(100_000);
    expect(text).not.toContain('documentation');
    expect(text).not.toContain('\n  ');
  });

  it('is loaded once', () => {
    expect(loadServiceModel('sqs')).toBe(model);
    expect(() => loadServiceModel('../etc')).toThrow(/invalid service model name/);
  });

  it('resolves every shape reference', () => {
    const refs: ShapeRef[] = [];
    for (const shape of Object.values(model.shapes)) {
      refs.push(...Object.values(shape.members ?? {}));
      for (const r of [shape.member, shape.key, shape.value]) if (r) refs.push(r);
    }
    for (const ref of refs) expect(model.shapes[ref.shape], ref.shape).toBeDefined();
    for (const op of Object.values(model.operations)) {
      for (const name of [op.input, op.output, ...(op.errors ?? [])]) {
        if (name) expect(model.shapes[name], name).toBeDefined();
      }
    }
  });

  it('merges reference traits over shape traits', () => {
    const value = model.shapes.MessageAttributeValue!;
    const resolved = resolveRef(model, value.members!.StringListValues!);
    expect(resolved).toMatchObject({ type: 'list', flattened: true, name: 'StringList' });
    expect(resolved.locationName).toBe('StringListValue');
  });
});

/** Smithy schema arrays as the SDK ships them: [kind, namespace, name, traits, ...]. */
type Schema = unknown;
type Traits = { xmlName?: string; xmlFlattened?: number | boolean };

function split(schema: Schema): { target: Schema; traits: Traits } {
  if (Array.isArray(schema) && schema.length === 2 && typeof schema[1] === 'object') {
    return { target: schema[0], traits: (schema[1] ?? {}) as Traits };
  }
  return { target: schema, traits: {} };
}

function deref(target: Schema): Schema {
  return typeof target === 'function' ? (target as () => Schema)() : target;
}

function compareRef(m: ServiceModel, ref: ShapeRef, schema: Schema, where: string): void {
  const { target, traits } = split(schema);
  const resolved = resolveRef(m, ref);
  expect(ref.locationName, `${where} locationName`).toBe(traits.xmlName);
  if (resolved.type === 'list' || resolved.type === 'map') {
    expect(resolved.flattened === true, `${where} flattened`).toBe(Boolean(traits.xmlFlattened));
  }
  const inner = deref(target);
  if (!Array.isArray(inner)) return; // simple type or `64 | 0` (list of strings, no traits)
  if (inner[0] === 1 && resolved.member) {
    compareRef(m, resolved.member, inner[4], `${where}.member`);
  }
  if (inner[0] === 2 && resolved.key && resolved.value) {
    compareRef(m, resolved.key, inner[4], `${where}.key`);
    compareRef(m, resolved.value, inner[5], `${where}.value`);
  }
}

describe('sqs query wire names agree with @aws-sdk/client-sqs', () => {
  const structures = Object.entries(sqs as Record<string, unknown>).filter(
    ([name, v]) => name.endsWith('$') && Array.isArray(v) && v[0] === 3,
  ) as Array<[string, unknown[]]>;

  it('covers the request and result structures', () => {
    expect(structures.length).toBeGreaterThan(40);
  });

  it('has the same xmlName and xmlFlattened on every member', () => {
    for (const [, schema] of structures) {
      const name = schema[2] as string;
      const shape = model.shapes[name];
      expect(shape, name).toBeDefined();
      const names = schema[4] as string[];
      const members = schema[5] as Schema[];
      names.forEach((member, i) => {
        const ref = shape?.members?.[member];
        expect(ref, `${name}.${member}`).toBeDefined();
        if (ref) compareRef(model, ref, members[i], `${name}.${member}`);
      });
    }
  });
});
