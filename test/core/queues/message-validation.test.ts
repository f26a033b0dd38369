import { describe, expect, it } from 'vitest';
import {
  INVALID_CONTENTS_MESSAGE,
  visibilityBeyondLimit,
  hasOnlyAllowedCharacters,
  isValidSqsNumber,
  messageSize,
  validateDelaySeconds,
  validateMessageAttributes,
  validateMessageBody,
  validateMessageSize,
  validateMessageSystemAttributes,
  validateMoveTaskRate,
  validateReceiveParams,
  validateSendEntry,
  validateVisibilityTimeout,
  type SendQueueSettings,
} from '../../../src/core/queues/message-validation.js';
import type { MessageAttributeInput } from '../../../src/core/queues/types.js';
import { expectDomainError } from './expect-domain-error.js';

const str = (stringValue: string, dataType = 'String'): MessageAttributeInput => ({
  dataType,
  stringValue,
});
const standard: SendQueueSettings = {
  fifo: false,
  maximumMessageSize: 1_048_576,
  contentBasedDeduplication: false,
};
const fifo: SendQueueSettings = { ...standard, fifo: true };

describe('message body', () => {
  it('must be present and non-empty (MissingParameter)', () => {
    for (const body of [undefined, '']) {
      expectDomainError(
        () => validateMessageBody(body),
        'MissingParameter',
        'The request must contain the parameter MessageBody.',
      );
    }
  });

  it.each([
    ['tab, LF, CR', '\t\n\r'],
    ['printable ASCII', 'hello world ~'],
    ['BMP up to U+D7FF', '\u00e9\u4e2d\ud7ff'],
    ['U+E000..U+FFFD', '\ue000\ufffd'],
    ['astral (surrogate pair)', '😀\u{10ffff}'],
  ])('accepts %s', (_l, body) => {
    expect(() => validateMessageBody(body)).not.toThrow();
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['backspace', '\u0008'],
    ['vertical tab', '\u000b'],
    ['U+001F', '\u001f'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['lone high surrogate', 'a\ud800'],
    ['lone low surrogate', '\udc00z'],
    ['reversed pair', '\ude00\ud83d'],
  ])('rejects %s with InvalidMessageContents', (_l, body) => {
    expect(hasOnlyAllowedCharacters(body)).toBe(false);
    expectDomainError(
      () => validateMessageBody(body),
      'InvalidMessageContents',
      INVALID_CONTENTS_MESSAGE,
    );
  });
});

describe('message size', () => {
  it('counts body and every attribute name, type and value in UTF-8 bytes', () => {
    const attrs = validateMessageAttributes({
      né: str('😀'),
      b: { dataType: 'Binary', binaryValue: Uint8Array.of(1, 2, 3) },
    });
    expect(messageSize('ab€', attrs)).toBe(5 + (3 + 6 + 4) + (1 + 6 + 3));
  });

  it('allows exactly the maximum, rejects one byte more', () => {
    expect(() => validateMessageSize('x'.repeat(1024), {}, 1024)).not.toThrow();
    expectDomainError(
      () => validateMessageSize('x'.repeat(1025), {}, 1024),
      'InvalidParameterValue',
      'One or more parameters are invalid. Reason: Message must be shorter than 1024 bytes.',
    );
  });

  it('attributes count toward the limit', () => {
    const attrs = validateMessageAttributes({ a: str('x'.repeat(1000)) });
    expectDomainError(
      () => validateMessageSize('y'.repeat(20), attrs, 1024),
      'InvalidParameterValue',
    );
  });

  it('defaults to 1 MiB through the queue setting', () => {
    expect(() => validateSendEntry({ body: 'x'.repeat(1_048_576) }, standard)).not.toThrow();
    expectDomainError(
      () => validateSendEntry({ body: 'x'.repeat(1_048_577) }, standard),
      'InvalidParameterValue',
      'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.',
    );
  });
});

describe('message attributes', () => {
  it('accepts up to 10 and returns domain values without list fields', () => {
    const input = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, { ...str('v'), stringListValues: [] }]),
    );
    const out = validateMessageAttributes(input);
    expect(Object.keys(out)).toHaveLength(10);
    expect(out.a0).toEqual({ dataType: 'String', stringValue: 'v' });
  });

  it('rejects 11', () => {
    const input = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, str('v')]));
    expectDomainError(
      () => validateMessageAttributes(input),
      'InvalidParameterValue',
      'Number of message attributes [11] exceeds the allowed maximum [10].',
    );
  });

  const CHARS =
    'Message (user) attributes name can only contain upper and lower score characters, digits, periods, hyphens and underscores. ';
  const RESERVED =
    "You can't use message attribute names beginning with 'AWS.' or 'Amazon'. These strings are reserved for internal use.";
  it.each([
    ['', 'The request must contain non-empty message (user) attribute names.'],
    ['L'.repeat(257), 'Message (user) attribute name must be shorter than 256 bytes.'],
    ['has space', CHARS],
    ['Invalid-!-attr', CHARS],
    ['Invalid-§-attr', CHARS],
    ['AWS.x', RESERVED],
    ['aWs.-Invalid-attr', RESERVED],
    ['AMAZON.x', RESERVED],
    ['.start', "Message (user) attribute name must not begin with character '.'."],
    ['Invalid.', "Message (user) attribute name must not end with character '.'."],
    ['Invalid..Name', "Message (user) attribute name must not have successive '.' characters."],
  ])('name %j is refused', (name, message) => {
    expectDomainError(
      () => validateMessageAttributes({ [name]: str('v') }),
      'InvalidParameterValue',
      message,
    );
  });

  it.each(['a', 'L'.repeat(256), 'My_attr-1.x', 'attr.1øßä', 'AWSx', 'Amazon', '__proto__'])(
    'name %j is accepted',
    (name) => {
      expect(Object.keys(validateMessageAttributes({ [name]: str('v') }))).toEqual([name]);
    },
  );

  it.each([
    [
      { dataType: '', stringValue: 'v' },
      "The message (user) attribute 'A' must contain a non-empty message attribute type.",
    ],
    [
      str('v', 'InvalidType'),
      "The type of message (user) attribute 'A' is invalid. You must use only the following supported type prefixes: Binary, Number, String.",
    ],
    [
      str('v', 'Stringy'),
      "The type of message (user) attribute 'A' is invalid. You must use only the following supported type prefixes: Binary, Number, String.",
    ],
    [
      str('v', 'string'),
      "The type of message (user) attribute 'A' is invalid. You must use only the following supported type prefixes: Binary, Number, String.",
    ],
    [
      str('v', `String.${'a'.repeat(250)}`),
      'Message (user) attribute type must be shorter than 256 bytes.',
    ],
    [
      { dataType: 'String', stringListValues: ['x'] },
      'Message attribute list values in SendMessage operation are not supported.',
    ],
    [
      { dataType: 'Binary', binaryListValues: [Uint8Array.of(1)] },
      'Message attribute list values in SendMessage operation are not supported.',
    ],
    [
      { dataType: 'String' },
      "The message (user) attribute 'A' must contain a non-empty message attribute value.",
    ],
    [
      { dataType: 'String', stringValue: 'x', binaryValue: Uint8Array.of(1) },
      "Message (user) attribute 'A' must have a single value.",
    ],
    [str(''), "Message (user) attribute 'A' must contain a non-empty value of type 'String'."],
    [
      str('', 'Number.int'),
      "Message (user) attribute 'A' must contain a non-empty value of type 'Number.int'.",
    ],
    [
      { dataType: 'String', binaryValue: Uint8Array.of(1) },
      "Message (user) attribute 'A' with type 'String' must use field 'String'.",
    ],
    [
      { dataType: 'Number', binaryValue: Uint8Array.of(1) },
      "Message (user) attribute 'A' with type 'Number' must use field 'String'.",
    ],
    [
      { dataType: 'Binary', stringValue: 'x' },
      "Message (user) attribute 'A' with type 'Binary' must use field 'Binary'.",
    ],
    [
      { dataType: 'Binary', binaryValue: new Uint8Array(0) },
      "Message (user) attribute 'A' must contain a non-empty value of type 'Binary'.",
    ],
    [str('world', 'Number'), "Can't cast the value of message (user) attribute 'A' to a number."],
    [str('Invalid-\u0008,\u000b'), INVALID_CONTENTS_MESSAGE],
  ])('value %j is refused', (value, message) => {
    expectDomainError(
      () => validateMessageAttributes({ A: value }),
      'InvalidParameterValue',
      message,
    );
  });

  it.each([
    str('plain text'),
    str('123', 'Number'),
    str('-1.5e10', 'Number.float'),
    str('anything', 'String.json'),
    str('x', 'String.'),
    { dataType: 'Binary.gzip', binaryValue: Uint8Array.of(0, 255) },
  ])('value %j is accepted', (value) => {
    expect(() => validateMessageAttributes({ A: value })).not.toThrow();
  });
});

describe('Number attribute values', () => {
  it.each([
    '0',
    '-0',
    '+7',
    '1.',
    '.5',
    '00012.3400',
    '1e5',
    '1E-5',
    '12345678901234567890123456789012345678',
    '1e126',
    '9.9999e125',
    '1e-128',
    '0.000e-999',
    '123450000000000000000000000000000000000000',
  ])('%s is a number', (s) => expect(isValidSqsNumber(s)).toBe(true));
  it.each([
    '',
    ' 1',
    '1 ',
    'abc',
    '0x10',
    'NaN',
    'Infinity',
    '1e',
    '.',
    '--1',
    '1.2.3',
    '123456789012345678901234567890123456789',
    '1.1e126',
    '2e126',
    '1e127',
    '9e-129',
    '1e-129',
  ])('%j is not a number', (s) => expect(isValidSqsNumber(s)).toBe(false));
});

describe('message system attributes', () => {
  it('accepts AWSTraceHeader of type String', () => {
    expect(
      validateMessageSystemAttributes({
        AWSTraceHeader: str('Root=1-5759e988-bd862e3fe1be46a994272793'),
      }),
    ).toEqual({
      AWSTraceHeader: {
        dataType: 'String',
        stringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793',
      },
    });
  });
  it('refuses other names', () => {
    expectDomainError(
      () => validateMessageSystemAttributes({ Hello: str('World') }),
      'InvalidParameterValue',
      "Message system attribute name 'Hello' is invalid.",
    );
  });
  it('refuses other types', () => {
    expectDomainError(
      () =>
        validateMessageSystemAttributes({
          AWSTraceHeader: { dataType: 'Binary', binaryValue: Uint8Array.of(1) },
        }),
      'InvalidParameterValue',
      "The message system attribute 'AWSTraceHeader' must be of type 'String'.",
    );
  });
  it('do not count toward the message size', () => {
    const entry = {
      body: 'x'.repeat(1024),
      systemAttributes: { AWSTraceHeader: str('t'.repeat(500)) },
    };
    expect(() => validateSendEntry(entry, { ...standard, maximumMessageSize: 1024 })).not.toThrow();
  });
});

describe('DelaySeconds', () => {
  it.each([0, 1, 900])('%i is valid on a standard queue', (d) =>
    expect(() => validateDelaySeconds(d, standard)).not.toThrow(),
  );
  it.each([-1, 901, 1000, 1.5])('%d is refused on a standard queue', (d) => {
    expectDomainError(
      () => validateDelaySeconds(d, standard),
      'InvalidParameterValue',
      `Value ${d} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.`,
    );
  });
  it('FIFO accepts only an explicit 0', () => {
    expect(() => validateDelaySeconds(0, fifo)).not.toThrow();
    expect(() => validateDelaySeconds(undefined, fifo)).not.toThrow();
    expectDomainError(
      () => validateDelaySeconds(2, fifo),
      'InvalidParameterValue',
      'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.',
    );
  });
});

describe('SendMessage on a FIFO queue', () => {
  it('needs MessageGroupId (MissingParameter; InvalidParameterValue in a batch)', () => {
    const message = 'The request must contain the parameter MessageGroupId.';
    expectDomainError(
      () => validateSendEntry({ body: 'b', dedupId: 'd' }, fifo),
      'MissingParameter',
      message,
    );
    expectDomainError(
      () => validateSendEntry({ body: 'b', dedupId: 'd', groupId: '' }, fifo),
      'MissingParameter',
      message,
    );
    expectDomainError(
      () => validateSendEntry({ body: 'b', dedupId: 'd' }, fifo, { batch: true }),
      'InvalidParameterValue',
      message,
    );
  });

  it('needs MessageDeduplicationId unless content-based deduplication is on', () => {
    expectDomainError(
      () => validateSendEntry({ body: 'b', groupId: 'g' }, fifo),
      'InvalidParameterValue',
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
    const out = validateSendEntry(
      { body: 'abc', groupId: 'g' },
      { ...fifo, contentBasedDeduplication: true },
    );
    expect(out.dedupId).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('an explicit MessageDeduplicationId overrides the content hash', () => {
    const out = validateSendEntry(
      { body: 'abc', groupId: 'g', dedupId: 'mine' },
      { ...fifo, contentBasedDeduplication: true },
    );
    expect(out).toMatchObject({ groupId: 'g', dedupId: 'mine' });
  });

  it.each([
    ['MessageGroupId', { groupId: 'has space', dedupId: 'd' }, 'has space'],
    ['MessageGroupId', { groupId: 'x'.repeat(129), dedupId: 'd' }, 'x'.repeat(129)],
    ['MessageGroupId', { groupId: 'é', dedupId: 'd' }, 'é'],
    ['MessageDeduplicationId', { groupId: 'g', dedupId: 'Invalid-\u0008' }, 'Invalid-\u0008'],
  ])('%s must be 1–128 printable ASCII characters', (param, ids, value) => {
    expectDomainError(
      () => validateSendEntry({ body: 'b', ...ids }, fifo),
      'InvalidParameterValue',
      `Value ${value} for parameter ${param} is invalid. Reason: ${param} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
    );
  });

  it('accepts every printable ASCII character in ids', () => {
    const all = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    expect(() =>
      validateSendEntry({ body: 'b', groupId: all, dedupId: 'x'.repeat(128) }, fifo),
    ).not.toThrow();
  });
});

describe('SendMessage on a standard queue', () => {
  it('accepts and keeps MessageGroupId (fair queues)', () => {
    expect(validateSendEntry({ body: 'b', groupId: 'tenant-1' }, standard).groupId).toBe(
      'tenant-1',
    );
    expectDomainError(
      () => validateSendEntry({ body: 'b', groupId: 'bad id' }, standard),
      'InvalidParameterValue',
    );
  });
  it('refuses MessageDeduplicationId', () => {
    expectDomainError(
      () => validateSendEntry({ body: 'b', dedupId: '1000' }, standard),
      'InvalidParameterValue',
      'The request include parameter MessageDeduplicationId which is not valid for this queue type',
    );
  });
  it('returns the validated entry', () => {
    expect(
      validateSendEntry(
        { body: 'b', delaySeconds: 5, attributes: { a: str('1', 'Number') } },
        standard,
      ),
    ).toEqual({
      body: 'b',
      delaySeconds: 5,
      attributes: { a: { dataType: 'Number', stringValue: '1' } },
      systemAttributes: {},
    });
  });
});

describe('ReceiveMessage parameters', () => {
  it('accepts the bounds', () => {
    expect(() =>
      validateReceiveParams({ max: 1, visibilityTimeout: 0, waitTimeSeconds: 0 }, standard),
    ).not.toThrow();
    expect(() =>
      validateReceiveParams({ max: 10, visibilityTimeout: 43200, waitTimeSeconds: 20 }, standard),
    ).not.toThrow();
    expect(() => validateReceiveParams({}, standard)).not.toThrow();
  });
  it.each([
    [
      { max: 11 },
      'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    ],
    [
      { max: 0 },
      'Value 0 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    ],
    [
      { waitTimeSeconds: 50 },
      'Value 50 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
    ],
    [
      { waitTimeSeconds: -1 },
      'Value -1 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
    ],
    [
      { visibilityTimeout: 43201 },
      'Value 43201 for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200, if provided.',
    ],
  ])('%j is refused', (req, message) => {
    expectDomainError(() => validateReceiveParams(req, standard), 'InvalidParameterValue', message);
  });
  it('checks ReceiveRequestAttemptId on FIFO queues', () => {
    expect(() => validateReceiveParams({ attemptId: 'attempt-001' }, fifo)).not.toThrow();
    expectDomainError(
      () => validateReceiveParams({ attemptId: 'a b' }, fifo),
      'InvalidParameterValue',
      'Value a b for parameter ReceiveRequestAttemptId is invalid. Reason: ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.',
    );
  });
});

describe('ChangeMessageVisibility', () => {
  it('timeout is 0–43200', () => {
    expect(() => validateVisibilityTimeout(0)).not.toThrow();
    expect(() => validateVisibilityTimeout(43200)).not.toThrow();
    expectDomainError(
      () => validateVisibilityTimeout(43201),
      'InvalidParameterValue',
      'Value 43201 for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.',
    );
    expectDomainError(
      () => validateVisibilityTimeout(-20, { batch: true }),
      'InvalidParameterValue',
      'Value -20 for parameter VisibilityTimeout is invalid. Reason: VisibilityTimeout must be an integer between 0 and 43200.',
    );
  });

  it('names the 12-hour limit when a change would go beyond it', () => {
    const err = visibilityBeyondLimit(39_601);
    expect(err.id).toBe('InvalidParameterValue');
    expect(err.message).toBe(
      'Value 39601 for parameter VisibilityTimeout is invalid. Reason: Total VisibilityTimeout for the message is beyond the limit [43200 seconds]',
    );
  });
});

describe('StartMessageMoveTask rate', () => {
  it('is 1–500', () => {
    expect(() => validateMoveTaskRate(undefined)).not.toThrow();
    expect(() => validateMoveTaskRate(500)).not.toThrow();
    for (const r of [0, 501]) {
      expectDomainError(
        () => validateMoveTaskRate(r),
        'InvalidParameterValue',
        "Value for parameter MaxNumberOfMessagesPerSecond is invalid. Reason: You must enter a number that's between 1 and 500.",
      );
    }
  });
});
