/**
 * Queue tags: at most 50 per queue, keys 1–128 characters, values 0–256, case-sensitive; a tag
 * with an existing key overwrites it (TagQueue doc, botocore 1.43; quotas-queues). Errors are
 * InvalidParameterValue: "Tag keys must be between 1 and 128 characters in length." is asserted
 * against AWS by the Ballerina SQS connector tests; "Too many tags added for queue X." and
 * "The request must contain the parameter Tags." follow moto. The character set and the
 * reserved `aws:` prefix are AWS's general tagging rules; their SQS messages are our wording.
 */
import { DomainError } from '../errors/domain-error.js';
import { MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, MAX_TAGS_PER_QUEUE } from './limits.js';

export type Tags = Record<string, string>;

const KEY_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const invalid = (message: string) => new DomainError('InvalidParameterValue', message);

/** Length in Unicode characters (code points), as AWS counts tag lengths. */
const chars = (s: string) => [...s].length;

export function validateTagKey(key: string): void {
  const n = chars(key);
  if (n < 1 || n > MAX_TAG_KEY_LENGTH)
    throw invalid('Tag keys must be between 1 and 128 characters in length.');
  if (!KEY_CHARS.test(key)) {
    throw invalid(
      'Tag keys may only contain unicode letters, digits, whitespace, or one of these symbols: _ . : / = + - @',
    );
  }
  if (key.toLowerCase().startsWith('aws:'))
    throw invalid("Tag keys can't start with the prefix 'aws:', which is reserved for AWS use.");
}

export function validateTagValue(value: string): void {
  if (typeof value !== 'string' || chars(value) > MAX_TAG_VALUE_LENGTH)
    throw invalid('Tag values must be between 0 and 256 characters in length.');
}

function tooMany(queueName: string | undefined): DomainError {
  return invalid(`Too many tags added for queue${queueName === undefined ? '' : ` ${queueName}`}.`);
}

/** Tags given to CreateQueue: each valid, at most 50. */
export function validateTags(tags: Tags, queueName?: string): Tags {
  const entries = Object.entries(tags);
  for (const [k, v] of entries) {
    validateTagKey(k);
    validateTagValue(v);
  }
  if (entries.length > MAX_TAGS_PER_QUEUE) throw tooMany(queueName);
  return Object.fromEntries(entries);
}

/** Merges `add` over `existing` (an empty `add` is a no-op); the result stays within 50 tags. */
export function applyTagChanges(existing: Tags, add: Tags, queueName?: string): Tags {
  validateTags(add, queueName);
  const merged = Object.fromEntries([...Object.entries(existing), ...Object.entries(add)]);
  if (Object.keys(merged).length > MAX_TAGS_PER_QUEUE) throw tooMany(queueName);
  return merged;
}

/** TagQueue: at least one tag, then applyTagChanges. */
export function tagQueue(existing: Tags, add: Tags, queueName?: string): Tags {
  if (Object.keys(add).length === 0)
    throw new DomainError('MissingParameter', 'The request must contain the parameter Tags.');
  return applyTagChanges(existing, add, queueName);
}

/** UntagQueue's TagKeys: at least one, each 1–128 characters. */
export function validateTagKeys(keys: readonly string[]): void {
  const ok = (k: string) => chars(k) >= 1 && chars(k) <= MAX_TAG_KEY_LENGTH;
  if (keys.length === 0 || !keys.every(ok))
    throw invalid('Tag keys must be between 1 and 128 characters in length.');
}

/** UntagQueue: removes the given keys; keys that are not set are ignored. */
export function untagQueue(existing: Tags, keys: readonly string[]): Tags {
  validateTagKeys(keys);
  const drop = new Set(keys);
  return Object.fromEntries(Object.entries(existing).filter(([k]) => !drop.has(k)));
}
