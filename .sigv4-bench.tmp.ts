import { verifySigV4 } from './src/protocols/aws/sigv4/verify.js';
import { signRequest } from './src/protocols/aws/sigv4/sign.js';
const lookup = (id: string) => (id === 'AKID' ? { secretAccessKey: 'secret', accountId: '000000000000' } : undefined);
const now = new Date();
function make(hashHeader: boolean, bodyLen: number, query = '') {
  const body = Buffer.alloc(bodyLen, 120);
  const headers = { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage', 'user-agent': 'aws-sdk-js/3', 'amz-sdk-invocation-id': 'c8e3f4a1-1111-2222-3333-444455556666', 'amz-sdk-request': 'attempt=1; max=3' };
  const added = signRequest({ method: 'POST', host: 'localhost:4566', path: '/', query, headers, body, accessKeyId: 'AKID', secretAccessKey: 'secret', region: 'us-east-1', service: 'sqs', now, payloadHashHeader: hashHeader });
  return { method: 'POST', rawUrl: query ? `/?${query}` : '/', headers: { host: 'localhost:4566', ...headers, ...added }, body };
}
function bench(name: string, req: ReturnType<typeof make>) {
  const opts = { lookup, now: now.getTime() };
  for (let i = 0; i < 20000; i++) verifySigV4(req, opts);
  const N = 200000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) verifySigV4(req, opts);
  const ns = Number(process.hrtime.bigint() - t) / N;
  console.log(JSON.stringify({ name, bodyBytes: req.body.length, usPerVerify: +(ns / 1000).toFixed(2) }));
}
function benchSign() {
  const body = Buffer.alloc(1024, 120);
  const N = 200000;
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) signRequest({ method: 'POST', host: 'localhost:4566', path: '/', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' }, body, accessKeyId: 'AKID', secretAccessKey: 'secret', region: 'us-east-1', service: 'sqs', now });
  console.log(JSON.stringify({ name: 'signRequest 1KB', usPerSign: +(Number(process.hrtime.bigint() - t) / N / 1000).toFixed(2) }));
}
bench('1KB body, x-amz-content-sha256 sent (SDK v3 shape)', make(true, 1024));
bench('1KB body, no hash header', make(false, 1024));
bench('64B body', make(true, 64));
bench('1KB body + 6-param query', make(true, 1024, 'Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Flocalhost%3A4566%2F000000000000%2Fq1&A=1&B=2&C=x%20y'));
benchSign();
