/**
 * SQS behaviour, standard-queue messages: send/receive/delete, exact bodies, visibility
 * timeouts, per-message and queue delay, retention and size limits, message attributes of
 * every type with MD5OfMessageAttributes known answers, system attributes (both request
 * spellings, `All`), AWSTraceHeader, timestamps, receive counts, SenderId, receipt handles.
 * Each case runs through the JS SDK (JSON) and through raw signed query posts.
 */
import { describe, expect, it } from 'vitest';
import { expectSqsError } from './drivers/driver.js';
import { createQueue, PROTOCOLS, receiveN, sleep, useSqsServer } from './drivers/fixture.js';
import { KNOWN_ANSWERS, md5, md5OfAttributes, TRACE_HEADER, TRACE_HEADER_MD5 } from './digests.js';

const fx = useSqsServer();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.concurrent.each(PROTOCOLS)('messages over %s', (protocol) => {
  const d = () => fx.driver(protocol);

  async function attrs(url: string, ...names: string[]) {
    return (
      (await d().call('GetQueueAttributes', { QueueUrl: url, AttributeNames: names as never }))
        .Attributes ?? {}
    );
  }

  it('send → receive → delete round trip with MessageId and body digest', async () => {
    const { url } = await createQueue(d(), 'roundtrip');
    const sent = await d().call('SendMessage', { QueueUrl: url, MessageBody: 'hello world' });
    expect(sent.MessageId).toMatch(UUID);
    expect(sent.MD5OfMessageBody).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(sent.MD5OfMessageAttributes).toBeUndefined();
    const { Messages } = await d().call('ReceiveMessage', { QueueUrl: url });
    expect(Messages).toHaveLength(1);
    const m = Messages![0]!;
    expect(m).toMatchObject({
      MessageId: sent.MessageId,
      Body: 'hello world',
      MD5OfBody: '5eb63bbbe01eeed093cb22bb8f5acdc3',
    });
    expect(m.ReceiptHandle).toBeTruthy();
    expect(m.Attributes).toBeUndefined();
    expect(m.MessageAttributes).toBeUndefined();
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle! });
    expect(
      await attrs(url, 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'),
    ).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
  });

  it('bodies come back exactly: every allowed character class, XML specials, CR/LF, astral planes', async () => {
    const { url } = await createQueue(d(), 'bodies');
    const bodies = [
      ' leading and trailing spaces ',
      'tab\there, LF\nhere, CR\rhere, CRLF\r\nhere',
      '<xml attr="1">&amp; & < > \' "</xml>',
      '{"json": [1, 2.5, null, true]}',
      'ü€😀\u{10FFFF}\uE000\uFFFD\uD7FF',
      'x'.repeat(70_000),
      '   ',
    ];
    for (const body of bodies) {
      const sent = await d().call('SendMessage', { QueueUrl: url, MessageBody: body });
      expect(sent.MD5OfMessageBody).toBe(md5(body));
    }
    const got = await receiveN(d(), url, bodies.length);
    expect(got.map((m) => m.Body).sort()).toEqual([...bodies].sort());
    for (const m of got) expect(m.MD5OfBody).toBe(md5(m.Body!));
  });

  it('visibility timeout: hidden while in flight, back after it expires with a new receipt handle', async () => {
    const { url } = await createQueue(d(), 'visibility');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'v' });
    const first = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        VisibilityTimeout: 1,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      })
    ).Messages![0]!;
    expect(first.Attributes).toEqual({ ApproximateReceiveCount: '1' });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
    expect(await attrs(url, 'ApproximateNumberOfMessagesNotVisible')).toEqual({
      ApproximateNumberOfMessagesNotVisible: '1',
    });
    await sleep(1150);
    const second = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        VisibilityTimeout: 30,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      })
    ).Messages![0]!;
    expect(second.MessageId).toBe(first.MessageId);
    expect(second.Attributes).toEqual({ ApproximateReceiveCount: '2' });
    expect(second.ReceiptHandle).not.toBe(first.ReceiptHandle);
  });

  it("the queue's VisibilityTimeout is the default for receives", async () => {
    const { url } = await createQueue(d(), 'queue-vt', { VisibilityTimeout: '1' });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'q' });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toHaveLength(1);
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
    await sleep(1150);
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toHaveLength(1);
  });

  it('ChangeMessageVisibility to 0 makes the message visible at once; a longer one keeps it hidden', async () => {
    const { url } = await createQueue(d(), 'cmv');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'a' });
    const m = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 60 }))
      .Messages![0]!;
    await d().call('ChangeMessageVisibility', {
      QueueUrl: url,
      ReceiptHandle: m.ReceiptHandle!,
      VisibilityTimeout: 0,
    });
    const again = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 1 }))
      .Messages![0]!;
    expect(again.MessageId).toBe(m.MessageId);
    await d().call('ChangeMessageVisibility', {
      QueueUrl: url,
      ReceiptHandle: again.ReceiptHandle!,
      VisibilityTimeout: 30,
    });
    await sleep(1150);
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toBeUndefined();
    // The receipt handle still works after the change; deleting ends it.
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: again.ReceiptHandle! });
    expect(await attrs(url, 'ApproximateNumberOfMessagesNotVisible')).toEqual({
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('ChangeMessageVisibility of a message not in flight: MessageNotInflight; out of range: InvalidParameterValue', async () => {
    const { url } = await createQueue(d(), 'cmv-errors');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'a' });
    const m = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 60 }))
      .Messages![0]!;
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibility', {
        QueueUrl: url,
        ReceiptHandle: m.ReceiptHandle!,
        VisibilityTimeout: 43_201,
      }),
      'InvalidParameterValue',
      400,
    );
    await d().call('ChangeMessageVisibility', {
      QueueUrl: url,
      ReceiptHandle: m.ReceiptHandle!,
      VisibilityTimeout: 0,
    });
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibility', {
        QueueUrl: url,
        ReceiptHandle: m.ReceiptHandle!,
        VisibilityTimeout: 10,
      }),
      { json: 'MessageNotInflight', query: 'AWS.SimpleQueueService.MessageNotInflight' },
      400,
    );
  });

  // AWS refuses a ChangeMessageVisibility whose new timeout would end more than 43200 s after
  // the receive that issued the handle.
  it('ChangeMessageVisibility may not extend a message beyond 12 hours after its receive', async () => {
    const { url } = await createQueue(d(), 'twelve-hours');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'long job' });
    const m = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 30 }))
      .Messages![0]!;
    await sleep(20);
    await expectSqsError(
      d(),
      d().call('ChangeMessageVisibility', {
        QueueUrl: url,
        ReceiptHandle: m.ReceiptHandle!,
        VisibilityTimeout: 43_200,
      }),
      'InvalidParameterValue',
      400,
    );
  });

  it('per-message DelaySeconds hides a message until due; it counts as delayed', async () => {
    const { url } = await createQueue(d(), 'delay');
    const sentAt = Date.now();
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'later', DelaySeconds: 1 });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'now' });
    expect(
      await attrs(url, 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessages'),
    ).toEqual({
      ApproximateNumberOfMessagesDelayed: '1',
      ApproximateNumberOfMessages: '1',
    });
    const first = await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
    expect(first.Messages?.map((m) => m.Body)).toEqual(['now']);
    const later = await d().call('ReceiveMessage', { QueueUrl: url, WaitTimeSeconds: 3 });
    expect(later.Messages?.map((m) => m.Body)).toEqual(['later']);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(950);
  });

  it('queue DelaySeconds applies to every send; a per-message DelaySeconds 0 overrides it', async () => {
    const { url } = await createQueue(d(), 'queue-delay', { DelaySeconds: '1' });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'queued' });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'immediate', DelaySeconds: 0 });
    const now = await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
    expect(now.Messages?.map((m) => m.Body)).toEqual(['immediate']);
    await sleep(1100);
    const later = await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
    expect(later.Messages?.map((m) => m.Body)).toEqual(['queued']);
  });

  it('DelaySeconds must be 0..900', async () => {
    const { url } = await createQueue(d(), 'delay-range');
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', DelaySeconds: 901 }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', DelaySeconds: -1 }),
      'InvalidParameterValue',
      400,
    );
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', DelaySeconds: 900 });
  });

  it('MessageRetentionPeriod: 60 s to 14 days (expiry itself is covered by the storage conformance suite)', async () => {
    const { url } = await createQueue(d(), 'retention', { MessageRetentionPeriod: '60' });
    expect(await attrs(url, 'MessageRetentionPeriod')).toEqual({ MessageRetentionPeriod: '60' });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'short-lived' });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages?.[0]?.Body).toBe(
      'short-lived',
    );
    await d().call('SetQueueAttributes', {
      QueueUrl: url,
      Attributes: { MessageRetentionPeriod: '1209600' },
    });
    for (const bad of ['59', '1209601', '-1', 'abc', '']) {
      await expectSqsError(
        d(),
        d().call('SetQueueAttributes', {
          QueueUrl: url,
          Attributes: { MessageRetentionPeriod: bad },
        }),
        'InvalidAttributeValue',
        400,
      );
    }
    expect(await attrs(url, 'MessageRetentionPeriod')).toEqual({
      MessageRetentionPeriod: '1209600',
    });
  });

  it('MaximumMessageSize bounds body plus attributes; the default is 1 MiB', async () => {
    const { url } = await createQueue(d(), 'size', { MaximumMessageSize: '1024' });
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'x'.repeat(1024) });
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: 'x'.repeat(1025) }),
      'InvalidParameterValue',
      400,
    );
    // A multi-byte character counts in UTF-8 bytes: 1023 + 2 = 1025.
    await expectSqsError(
      d(),
      d().call('SendMessage', { QueueUrl: url, MessageBody: `${'x'.repeat(1023)}é` }),
      'InvalidParameterValue',
      400,
    );
    // Attribute name + type + value count too: 1000 + "n" + "String" + 17 = 1024.
    await d().call('SendMessage', {
      QueueUrl: url,
      MessageBody: 'x'.repeat(1000),
      MessageAttributes: { n: { DataType: 'String', StringValue: 'v'.repeat(17) } },
    });
    await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: 'x'.repeat(1000),
        MessageAttributes: { n: { DataType: 'String', StringValue: 'v'.repeat(18) } },
      }),
      'InvalidParameterValue',
      400,
    );
    for (const bad of ['1023', '1048577']) {
      await expectSqsError(
        d(),
        d().call('SetQueueAttributes', { QueueUrl: url, Attributes: { MaximumMessageSize: bad } }),
        'InvalidAttributeValue',
        400,
      );
    }
    const big = await createQueue(d(), 'size-default');
    expect(await attrs(big.url, 'MaximumMessageSize')).toEqual({ MaximumMessageSize: '1048576' });
    const body = 'y'.repeat(1_048_576);
    await d().call('SendMessage', { QueueUrl: big.url, MessageBody: body });
    const got = (await d().call('ReceiveMessage', { QueueUrl: big.url })).Messages![0]!;
    expect(got.Body!.length).toBe(1_048_576);
    expect(got.MD5OfBody).toBe(md5(body));
  });

  it('message attributes of every type round-trip, with MD5OfMessageAttributes known answers', async () => {
    const { url } = await createQueue(d(), 'msg-attrs');
    for (const { attrs: messageAttributes, md5: expected } of KNOWN_ANSWERS) {
      expect(md5OfAttributes(messageAttributes)).toBe(expected); // the test's own implementation agrees
      const sent = await d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: 'with attributes',
        MessageAttributes: messageAttributes,
      });
      expect(sent.MD5OfMessageAttributes).toBe(expected);
      expect(sent.MD5OfMessageBody).toBe(md5('with attributes'));
      const m = (
        await d().call('ReceiveMessage', { QueueUrl: url, MessageAttributeNames: ['All'] })
      ).Messages![0]!;
      expect(m.MD5OfMessageAttributes).toBe(expected);
      expect(Object.keys(m.MessageAttributes!).sort()).toEqual(
        Object.keys(messageAttributes).sort(),
      );
      for (const [name, v] of Object.entries(messageAttributes)) {
        const back = m.MessageAttributes![name]!;
        expect(back.DataType).toBe(v.DataType);
        if (v.BinaryValue)
          expect(Buffer.from(back.BinaryValue!)).toEqual(Buffer.from(v.BinaryValue));
        else expect(back.StringValue).toBe(v.StringValue);
      }
      await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: m.ReceiptHandle! });
    }
  });

  it('receives return only the message attributes asked for (names, prefix.*, All), digest over those', async () => {
    const { url } = await createQueue(d(), 'attr-select');
    const all = {
      'order.id': { DataType: 'String', StringValue: 'o-1' },
      'order.total': { DataType: 'Number', StringValue: '12.50' },
      customer: { DataType: 'String.name', StringValue: 'Ada' },
      payload: { DataType: 'Binary', BinaryValue: Uint8Array.of(7, 8, 9) },
    };
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'select', MessageAttributes: all });
    const cases: [string[], string[]][] = [
      [['customer'], ['customer']],
      [['order.*'], ['order.id', 'order.total']],
      [
        ['customer', 'payload'],
        ['customer', 'payload'],
      ],
      [['.*'], Object.keys(all)],
      [['All'], Object.keys(all)],
      [['missing'], []],
    ];
    for (const [asked, expected] of cases) {
      const m = (
        await d().call('ReceiveMessage', {
          QueueUrl: url,
          MessageAttributeNames: asked,
          VisibilityTimeout: 0,
        })
      ).Messages![0]!;
      expect(Object.keys(m.MessageAttributes ?? {}).sort()).toEqual([...expected].sort());
      const subset = Object.fromEntries(expected.map((n) => [n, all[n as keyof typeof all]]));
      expect(m.MD5OfMessageAttributes).toBe(expected.length ? md5OfAttributes(subset) : undefined);
    }
  });

  it('message attribute rules: at most 10, valid names, types and values', async () => {
    const { url } = await createQueue(d(), 'attr-rules');
    const send = (
      MessageAttributes: Record<
        string,
        { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }
      >,
    ) => d().call('SendMessage', { QueueUrl: url, MessageBody: 'x', MessageAttributes });
    const ten = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]),
    );
    await send(ten);
    await expectSqsError(
      d(),
      send({ ...ten, a10: { DataType: 'String', StringValue: 'v' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ n: { DataType: 'Number', StringValue: 'not a number' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ n: { DataType: 'Decimal', StringValue: '1' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ 'AWS.reserved': { DataType: 'String', StringValue: '1' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ 'bad name': { DataType: 'String', StringValue: '1' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ s: { DataType: 'String', StringValue: '' } }),
      'InvalidParameterValue',
      400,
    );
    await expectSqsError(
      d(),
      send({ b: { DataType: 'Binary', StringValue: 'not binary' } }),
      'InvalidParameterValue',
      400,
    );
    await send({
      n: { DataType: 'Number.int', StringValue: '-12345678901234567890123456789012345678' },
    });
  });

  it('system attributes: MessageSystemAttributeNames, the older AttributeNames, All', async () => {
    const { url } = await createQueue(d(), 'sys-attrs');
    const before = Date.now();
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'sys' });
    const after = Date.now();

    const one = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        MessageSystemAttributeNames: ['SentTimestamp'],
        VisibilityTimeout: 0,
      })
    ).Messages![0]!;
    expect(Object.keys(one.Attributes!)).toEqual(['SentTimestamp']);
    const sent = Number(one.Attributes!.SentTimestamp);
    expect(sent).toBeGreaterThanOrEqual(before - 5);
    expect(sent).toBeLessThanOrEqual(after + 5);

    const older = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        AttributeNames: ['ApproximateReceiveCount' as never],
        VisibilityTimeout: 0,
      })
    ).Messages![0]!;
    expect(older.Attributes).toEqual({ ApproximateReceiveCount: '2' });

    const receivedAt = Date.now();
    const all = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        MessageSystemAttributeNames: ['All'],
        VisibilityTimeout: 0,
      })
    ).Messages![0]!;
    const a = all.Attributes!;
    expect(Object.keys(a).sort()).toEqual([
      'ApproximateFirstReceiveTimestamp',
      'ApproximateReceiveCount',
      'SenderId',
      'SentTimestamp',
    ]);
    expect(a.ApproximateReceiveCount).toBe('3');
    expect(a.SentTimestamp).toBe(one.Attributes!.SentTimestamp);
    expect(a.SenderId).toMatch(/\S/);
    // epoch milliseconds, not seconds
    expect(a.SentTimestamp).toMatch(/^\d{13}$/);
    expect(a.ApproximateFirstReceiveTimestamp).toMatch(/^\d{13}$/);
    const firstReceive = Number(a.ApproximateFirstReceiveTimestamp);
    expect(firstReceive).toBeGreaterThanOrEqual(sent);
    expect(firstReceive).toBeLessThanOrEqual(receivedAt);

    const legacyAll = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        AttributeNames: ['All'],
        VisibilityTimeout: 0,
      })
    ).Messages![0]!;
    expect(legacyAll.Attributes!.ApproximateReceiveCount).toBe('4');
    expect(legacyAll.Attributes!.ApproximateFirstReceiveTimestamp).toBe(
      a.ApproximateFirstReceiveTimestamp,
    );
  });

  it('AWSTraceHeader travels as a system attribute with its MD5OfMessageSystemAttributes', async () => {
    const { url } = await createQueue(d(), 'trace');
    const sent = await d().call('SendMessage', {
      QueueUrl: url,
      MessageBody: 'traced',
      MessageSystemAttributes: {
        AWSTraceHeader: { DataType: 'String', StringValue: TRACE_HEADER },
      },
    });
    expect(sent.MD5OfMessageSystemAttributes).toBe(TRACE_HEADER_MD5);
    expect(
      md5OfAttributes({ AWSTraceHeader: { DataType: 'String', StringValue: TRACE_HEADER } }),
    ).toBe(TRACE_HEADER_MD5);
    expect(sent.MD5OfMessageAttributes).toBeUndefined();
    const plain = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 0 }))
      .Messages![0]!;
    expect(plain.Attributes).toBeUndefined();
    const m = (
      await d().call('ReceiveMessage', {
        QueueUrl: url,
        MessageSystemAttributeNames: ['AWSTraceHeader'],
      })
    ).Messages![0]!;
    expect(m.Attributes).toEqual({ AWSTraceHeader: TRACE_HEADER });
    expect(m.MessageAttributes).toBeUndefined();
    await expectSqsError(
      d(),
      d().call('SendMessage', {
        QueueUrl: url,
        MessageBody: 'x',
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'Number', StringValue: '1' } },
      }),
      'InvalidParameterValue',
      400,
    );
  });

  it('SenderId names the caller', async () => {
    const { url } = await createQueue(d(), 'sender');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 's' });
    const m = (
      await d().call('ReceiveMessage', { QueueUrl: url, MessageSystemAttributeNames: ['SenderId'] })
    ).Messages![0]!;
    expect(m.Attributes).toEqual({ SenderId: 'test' });
  });

  it('ReceiveMessage returns up to MaxNumberOfMessages (1..10)', async () => {
    const { url } = await createQueue(d(), 'max');
    for (let i = 0; i < 12; i++)
      await d().call('SendMessage', { QueueUrl: url, MessageBody: `m${i}` });
    expect((await d().call('ReceiveMessage', { QueueUrl: url })).Messages).toHaveLength(1);
    const ten = await d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 });
    expect(ten.Messages!.length).toBeGreaterThanOrEqual(1);
    expect(ten.Messages!.length).toBeLessThanOrEqual(10);
    expect(new Set(ten.Messages!.map((m) => m.MessageId)).size).toBe(ten.Messages!.length);
    for (const bad of [0, 11]) {
      await expectSqsError(
        d(),
        d().call('ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: bad }),
        'InvalidParameterValue',
        400,
      );
    }
    await expectSqsError(
      d(),
      d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 43_201 }),
      'InvalidParameterValue',
      400,
    );
  });

  it('delete with a stale receipt handle succeeds; deleting twice succeeds', async () => {
    const { url } = await createQueue(d(), 'stale');
    await d().call('SendMessage', { QueueUrl: url, MessageBody: 'stale' });
    const first = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 0 }))
      .Messages![0]!;
    const second = (await d().call('ReceiveMessage', { QueueUrl: url, VisibilityTimeout: 30 }))
      .Messages![0]!;
    expect(second.MessageId).toBe(first.MessageId);
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: first.ReceiptHandle! });
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: second.ReceiptHandle! });
    await d().call('DeleteMessage', { QueueUrl: url, ReceiptHandle: second.ReceiptHandle! });
    expect(
      await attrs(url, 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'),
    ).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('a receipt handle of another queue is invalid there', async () => {
    const a = await createQueue(d(), 'rh-a');
    const b = await createQueue(d(), 'rh-b');
    await d().call('SendMessage', { QueueUrl: a.url, MessageBody: 'a' });
    const m = (await d().call('ReceiveMessage', { QueueUrl: a.url })).Messages![0]!;
    await expectSqsError(
      d(),
      d().call('DeleteMessage', { QueueUrl: b.url, ReceiptHandle: m.ReceiptHandle! }),
      'ReceiptHandleIsInvalid',
      404,
    );
  });

  it('a message sent by one protocol is received by the other', async () => {
    const { url } = await createQueue(d(), 'cross');
    const other = fx.driver(protocol === 'json' ? 'query' : 'json');
    const messageAttributes = KNOWN_ANSWERS[1]!.attrs;
    await other.call('SendMessage', {
      QueueUrl: url,
      MessageBody: 'from the other side',
      MessageAttributes: messageAttributes,
    });
    const m = (await d().call('ReceiveMessage', { QueueUrl: url, MessageAttributeNames: ['All'] }))
      .Messages![0]!;
    expect(m.Body).toBe('from the other side');
    expect(m.MD5OfMessageAttributes).toBe(KNOWN_ANSWERS[1]!.md5);
  });
});
