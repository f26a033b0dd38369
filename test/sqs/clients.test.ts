/**
 * SQS behaviour through botocore, what the AWS CLI and boto3 run: boto3 speaks AWS JSON 1.0
 * with `x-amzn-query-mode: true` and reports the legacy query codes it reads from
 * `x-amzn-query-error` (`AWS.SimpleQueueService.NonExistentQueue`, `QueueAlreadyExists`, …).
 * Skipped with a reason when python3 with boto3 is missing. Then a smoke run of the AWS CLI
 * itself, skipped when `aws` is not installed.
 *
 * The server runs in this process, so the clients run as asynchronous child processes.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useSqsServer } from './drivers/fixture.js';
import { KNOWN_ANSWERS, md5 } from './digests.js';

const run = promisify(execFile);
const fx = useSqsServer();

const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;
// `command -v` instead of `aws --version`: the CLI takes seconds to start.
const hasAwsCli = spawnSync('sh', ['-c', 'command -v aws'], { stdio: 'ignore' }).status === 0;

/** Environment that keeps the developer's own AWS configuration out of the way. */
function clientEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
  };
}

const BOTO3_SCRIPT = String.raw`
import json, os, sys, base64
import boto3
from botocore.exceptions import ClientError

sqs = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'])
name = os.environ['QUEUE']
out = {}

def code(fn):
    try:
        fn()
        return None
    except ClientError as e:
        return {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}

url = sqs.create_queue(QueueName=name, Attributes={'VisibilityTimeout': '40'})['QueueUrl']
out['url'] = url
out['same'] = sqs.create_queue(QueueName=name, Attributes={'VisibilityTimeout': '40'})['QueueUrl']
attrs = {k: ({'DataType': v['DataType'], 'BinaryValue': base64.b64decode(v['BinaryValue'])} if 'BinaryValue' in v else v)
         for k, v in json.loads(os.environ['ATTRS']).items()}
sent = sqs.send_message(QueueUrl=url, MessageBody='from boto3 <&> \r\n', MessageAttributes=attrs)
out['sent'] = {k: sent.get(k) for k in ('MessageId', 'MD5OfMessageBody', 'MD5OfMessageAttributes')}
got = sqs.receive_message(QueueUrl=url, MessageAttributeNames=['All'], MessageSystemAttributeNames=['All'], WaitTimeSeconds=1)
m = got['Messages'][0]
out['received'] = {'Body': m['Body'], 'MD5OfBody': m['MD5OfBody'], 'MD5OfMessageAttributes': m.get('MD5OfMessageAttributes'),
                   'MessageId': m['MessageId'], 'ReceiveCount': m['Attributes']['ApproximateReceiveCount'],
                   'AttributeTypes': sorted(v['DataType'] for v in m['MessageAttributes'].values())}
sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
batch = sqs.send_message_batch(QueueUrl=url, Entries=[{'Id': 'a', 'MessageBody': 'x'}, {'Id': 'b', 'MessageBody': 'bad \u0001'}])
out['batch'] = {'ok': [e['Id'] for e in batch.get('Successful', [])], 'failed': [[e['Id'], e['Code']] for e in batch.get('Failed', [])]}
out['errors'] = {
    'get_queue_url': code(lambda: sqs.get_queue_url(QueueName=name + '-missing')),
    'create_conflict': code(lambda: sqs.create_queue(QueueName=name, Attributes={'VisibilityTimeout': '41'})),
    'empty_batch': code(lambda: sqs.delete_message_batch(QueueUrl=url, Entries=[])),
    'bad_handle': code(lambda: sqs.delete_message(QueueUrl=url, ReceiptHandle='garbage')),
    'purge_twice': code(lambda: (sqs.purge_queue(QueueUrl=url), sqs.purge_queue(QueueUrl=url))),
    'bad_attribute': code(lambda: sqs.set_queue_attributes(QueueUrl=url, Attributes={'VisibilityTimeout': '99999'})),
}
bad = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'], aws_secret_access_key='wrong', aws_access_key_id='test')
out['errors']['bad_secret'] = code(lambda: bad.list_queues())
print(json.dumps(out))
`;

describe('botocore (boto3) against the server', () => {
  it.skipIf(!hasBoto3)('calls succeed and errors carry the legacy query codes', async () => {
    const queue = `boto3-${Date.now()}`;
    const attrs = Object.fromEntries(
      Object.entries(KNOWN_ANSWERS[1]!.attrs).map(([k, v]) => [
        k,
        v.BinaryValue
          ? { DataType: v.DataType, BinaryValue: Buffer.from(v.BinaryValue).toString('base64') }
          : v,
      ]),
    );
    const { stdout } = await run('python3', ['-c', BOTO3_SCRIPT], {
      env: { ...clientEnv(), ENDPOINT: fx.server.url, QUEUE: queue, ATTRS: JSON.stringify(attrs) },
      timeout: 60_000,
    });
    const out = JSON.parse(stdout);
    expect(out.url).toBe(`${fx.server.url}/000000000000/${queue}`);
    expect(out.same).toBe(out.url);
    const body = 'from boto3 <&> \r\n';
    expect(out.sent.MD5OfMessageBody).toBe(md5(body));
    expect(out.sent.MD5OfMessageAttributes).toBe(KNOWN_ANSWERS[1]!.md5);
    expect(out.received).toMatchObject({
      Body: body,
      MD5OfBody: md5(body),
      MD5OfMessageAttributes: KNOWN_ANSWERS[1]!.md5,
      MessageId: out.sent.MessageId,
      ReceiveCount: '1',
    });
    expect(out.received.AttributeTypes).toEqual([
      'Binary',
      'Binary.png',
      'Number',
      'Number.float',
      'String',
      'String.custom',
    ]);
    expect(out.batch).toEqual({ ok: ['a'], failed: [['b', 'InvalidMessageContents']] });
    expect(out.errors).toEqual({
      get_queue_url: { code: 'AWS.SimpleQueueService.NonExistentQueue', status: 400 },
      create_conflict: { code: 'QueueAlreadyExists', status: 400 },
      empty_batch: { code: 'AWS.SimpleQueueService.EmptyBatchRequest', status: 400 },
      bad_handle: { code: 'ReceiptHandleIsInvalid', status: 404 },
      purge_twice: { code: 'AWS.SimpleQueueService.PurgeQueueInProgress', status: 403 },
      bad_attribute: { code: 'InvalidAttributeValue', status: 400 },
      bad_secret: { code: 'SignatureDoesNotMatch', status: 403 },
    });
  });
});

describe('AWS CLI smoke', () => {
  it.skipIf(!hasAwsCli)('create, send, receive, and a legacy error code', async () => {
    const aws = (...args: string[]) =>
      run('aws', ['--endpoint-url', fx.server.url, '--output', 'json', 'sqs', ...args], {
        env: clientEnv(),
        timeout: 60_000,
      });
    const queue = `cli-${Date.now()}`;
    const { QueueUrl } = JSON.parse((await aws('create-queue', '--queue-name', queue)).stdout);
    expect(QueueUrl).toBe(`${fx.server.url}/000000000000/${queue}`);
    // Independent calls run side by side: each CLI start costs a couple of seconds.
    const [sentOut, failed] = await Promise.all([
      aws('send-message', '--queue-url', QueueUrl, '--message-body', 'hello from the CLI'),
      aws('get-queue-url', '--queue-name', `${queue}-missing`).then(
        () => undefined,
        (err: { code?: number; stderr?: string }) => err,
      ),
    ]);
    const sent = JSON.parse(sentOut.stdout);
    expect(sent.MD5OfMessageBody).toBe(md5('hello from the CLI'));
    const got = JSON.parse(
      (
        await aws(
          'receive-message',
          '--queue-url',
          QueueUrl,
          '--attribute-names',
          'All',
          '--wait-time-seconds',
          '1',
        )
      ).stdout,
    );
    expect(got.Messages[0]).toMatchObject({
      Body: 'hello from the CLI',
      MessageId: sent.MessageId,
    });
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr).toContain('AWS.SimpleQueueService.NonExistentQueue');
  });
});

if (!hasBoto3)
  console.warn(
    'clients.test.ts: boto3 not installed (python3 -c "import boto3" failed): botocore checks skipped',
  );
if (!hasAwsCli) console.warn('clients.test.ts: the AWS CLI is not installed: CLI smoke skipped');
