/**
 * Error cases of verifySigV4: which DomainError id each malformed, unknown, stale or
 * tampered request gets, the AWS-like messages, and peekCredentialScope.
 */
import { createHash, createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  peekCredentialScope,
  type SigV4Request,
  verifySigV4,
} from '../../src/protocols/aws/sigv4/verify.js';
import {
  AKID,
  SECRET,
  T0,
  authHeader,
  caught,
  errorId,
  lookup,
  smithyPresign,
  smithySign,
  withHeaders,
} from './helpers.js';

const verify = (req: SigV4Request, now = T0) => verifySigV4(req, { lookup, now });
const idOf = (req: SigV4Request, now = T0) => errorId(() => verify(req, now));

let signed: SigV4Request;
let auth: string;
let signature: string;
const SCOPE = `${AKID}/20240115/us-east-1/sqs/aws4_request`;

beforeAll(async () => {
  signed = await smithySign({
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: '{"QueueName":"q1"}',
  });
  auth = authHeader(signed);
  signature = /Signature=([0-9a-f]{64})/.exec(auth)![1]!;
});

const withAuth = (authorization: string | undefined) => withHeaders(signed, { authorization });

describe('MissingAuthenticationToken', () => {
  it('no Authorization header and no presigned parameters', () => {
    expect(
      idOf({ method: 'GET', rawUrl: '/', headers: { host: 'x' }, body: Buffer.alloc(0) }),
    ).toBe('MissingAuthenticationToken');
    expect(idOf(withAuth(undefined))).toBe('MissingAuthenticationToken');
    expect(idOf(withAuth(''))).toBe('MissingAuthenticationToken');
    expect(idOf({ ...withAuth(undefined), rawUrl: `/?X-Amz-Credential=${SCOPE}&Action=X` })).toBe(
      'MissingAuthenticationToken',
    );
  });
});

describe('IncompleteSignature: malformed Authorization headers', () => {
  const cred = `Credential=${SCOPE}`;
  const sh = 'SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date';
  const sig = () => `Signature=${signature}`; // set by beforeAll
  const variants: [string, () => string, RegExp][] = [
    ['another scheme', () => 'Bearer abc.def', /only 'AWS4-HMAC-SHA256'/],
    ['SigV2', () => 'AWS AKID:c2lnbmF0dXJl', /only 'AWS4-HMAC-SHA256'/],
    ['lower-case algorithm', () => auth.replace('AWS4-HMAC-SHA256', 'aws4-hmac-sha256'), /only/],
    ['SHA512', () => auth.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'), /only/],
    [
      'algorithm glued to params',
      () => auth.replace('AWS4-HMAC-SHA256 ', 'AWS4-HMAC-SHA256'),
      /only/,
    ],
    [
      'algorithm alone',
      () => 'AWS4-HMAC-SHA256',
      /requires 'Credential' parameter\. .*requires 'SignedHeaders' parameter\. .*requires 'Signature'/,
    ],
    ['no Credential', () => `AWS4-HMAC-SHA256 ${sh}, ${sig()}`, /^[^.]*'Credential' parameter\.$/],
    ['no SignedHeaders', () => `AWS4-HMAC-SHA256 ${cred}, ${sig()}`, /requires 'SignedHeaders'/],
    ['no Signature', () => `AWS4-HMAC-SHA256 ${cred}, ${sh}`, /requires 'Signature' parameter/],
    ['empty Credential', () => auth.replace(/Credential=[^,]*/, 'Credential='), /'Credential'/],
    ['empty Signature', () => auth.replace(/Signature=.*/, 'Signature='), /'Signature'/],
    ['misspelt name', () => auth.replace('Credential=', 'Credentials='), /'Credential'/],
    ['duplicate Credential', () => `${auth}, ${cred}`, /more than one 'Credential'/],
    ['4-part credential', () => auth.replace('/us-east-1/', '/'), /malformed/],
    ['6-part credential', () => auth.replace('/sqs/', '/sqs/x/'), /malformed/],
    ['empty access key', () => auth.replace(`${AKID}/`, '/'), /access key id is empty/],
    ['7-digit date', () => auth.replace('/20240115/', '/2024011/'), /YYYYMMDD/],
    ['non-digit date', () => auth.replace('/20240115/', '/2024011a/'), /YYYYMMDD/],
    ['empty region', () => auth.replace('/us-east-1/', '//'), /valid region/],
    ['empty service', () => auth.replace('/sqs/', '//'), /valid service/],
    ['bad terminator', () => auth.replace('aws4_request', 'aws4_requesx'), /terminator/],
    [
      'host not signed',
      () => auth.replace('host;', ''),
      /'Host' or ':authority' must be a 'SignedHeader'/,
    ],
  ];
  for (const [name, header, message] of variants) {
    it(name, () => {
      const e = caught(() => verify(withAuth(header())));
      expect(e.id).toBe('IncompleteSignature');
      expect(e.message).toMatch(message);
      expect(e.message).not.toContain(signature);
    });
  }

  it('tolerates commas without spaces and unknown extra parameters', () => {
    const compact = auth.replace(/, /g, ',');
    expect(verify(withAuth(compact)).accessKeyId).toBe(AKID);
    expect(verify(withAuth(`${auth}, Foo=bar`)).accessKeyId).toBe(AKID);
  });

  it('requires X-Amz-Date or Date', () => {
    const e = caught(() => verify(withHeaders(signed, { 'x-amz-date': undefined })));
    expect(e.id).toBe('IncompleteSignature');
    expect(e.message).toBe(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });

  it.each(['2024-01-15T12:30:45Z', '20240115T123045', '20240115T253045Z', '20240230T123045Z', ''])(
    'rejects X-Amz-Date %j',
    (value) => {
      expect(idOf(withHeaders(signed, { 'x-amz-date': value }))).toBe('IncompleteSignature');
    },
  );

  it('rejects an unparseable Date header', () => {
    const req = withHeaders(signed, { 'x-amz-date': undefined, date: 'not a date' });
    expect(idOf(req)).toBe('IncompleteSignature');
  });
});

describe('InvalidClientTokenId', () => {
  it('unknown access key id (checked before the clock)', () => {
    const req = withAuth(auth.replace(AKID, 'AKIDUNKNOWN'));
    expect(idOf(req)).toBe('InvalidClientTokenId');
    expect(idOf(req, T0 + 3_600_000)).toBe('InvalidClientTokenId');
    expect(caught(() => verify(req)).message).toBe(
      'The security token included in the request is invalid.',
    );
  });
});

describe('RequestExpired: header auth ±5 minutes', () => {
  it('is accepted at exactly ±5 minutes and rejected 1 ms beyond', () => {
    expect(verify(signed, T0 + 300_000).accessKeyId).toBe(AKID);
    expect(verify(signed, T0 - 300_000).accessKeyId).toBe(AKID);
    expect(idOf(signed, T0 + 300_001)).toBe('RequestExpired');
    expect(idOf(signed, T0 - 300_001)).toBe('RequestExpired');
  });

  it('refuses to run without a valid clock (fails closed)', () => {
    expect(() => verifySigV4(signed, { lookup, now: Number.NaN })).toThrow(TypeError);
  });

  it('says how stale or how early, as AWS does', () => {
    expect(caught(() => verify(signed, T0 + 301_000)).message).toBe(
      'Signature expired: 20240115T123045Z is now earlier than 20240115T123046Z ' +
        '(20240115T123546Z - 5 min.)',
    );
    expect(caught(() => verify(signed, T0 - 301_000)).message).toBe(
      'Signature not yet current: 20240115T123045Z is still later than 20240115T123044Z ' +
        '(20240115T122544Z + 5 min.)',
    );
  });
});

describe('SignatureDoesNotMatch', () => {
  it('wrong signature keeps the catalogue message', () => {
    const wrong = auth.replace(
      signature,
      signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    const e = caught(() => verify(withAuth(wrong)));
    expect(e.id).toBe('SignatureDoesNotMatch');
    expect(e.message).toMatch(/^The request signature we calculated does not match/);
  });

  it('signature of the wrong length or case', () => {
    expect(idOf(withAuth(auth.replace(signature, signature.slice(1))))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(idOf(withAuth(auth.replace(signature, `${signature}0`)))).toBe('SignatureDoesNotMatch');
    expect(idOf(withAuth(auth.replace(signature, signature.toUpperCase())))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('scope date differs from the X-Amz-Date date', () => {
    const e = caught(() => verify(withAuth(auth.replace('/20240115/', '/20240116/'))));
    expect(e.id).toBe('SignatureDoesNotMatch');
    expect(e.message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240116' != '20240115', from '20240115T123045Z'.",
    );
  });

  it('x-amz-content-sha256 that is not the hash of the body', () => {
    const e = caught(() => verify({ ...signed, body: Buffer.from('{"QueueName":"q2"}') }));
    expect(e.id).toBe('SignatureDoesNotMatch');
    expect(e.message).toBe(
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
  });

  it('UNSIGNED-PAYLOAD is accepted only without a body', async () => {
    const headers = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    const empty = await smithySign({ headers, body: '' });
    expect(verify(empty).accessKeyId).toBe(AKID);
    const withBody = await smithySign({ headers, body: 'x' });
    expect(caught(() => verify(withBody)).message).toMatch(/UNSIGNED-PAYLOAD/);
  });

  it('a signed header missing from the request', () => {
    expect(idOf(withHeaders(signed, { 'content-type': undefined }))).toBe('SignatureDoesNotMatch');
  });

  it('a signed header named like an Object.prototype member', () => {
    const req = withAuth(auth.replace('SignedHeaders=', 'SignedHeaders=constructor;__proto__;'));
    expect(idOf(req)).toBe('SignatureDoesNotMatch');
  });
});

describe('the Date header instead of X-Amz-Date', () => {
  // An independent, minimal SigV4 computation (not the code under test).
  const hmac = (k: Buffer | string, d: string) => createHmac('sha256', k).update(d).digest();
  const sha = (d: string) => createHash('sha256').update(d).digest('hex');
  function signWithDateHeader(date: string, amzDate: string, body: string): SigV4Request {
    const scope = `${amzDate.slice(0, 8)}/us-east-1/sqs/aws4_request`;
    const canonical = `POST\n/\n\ndate:${date}\nhost:localhost\n\ndate;host\n${sha(body)}`;
    const sts = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha(canonical)}`;
    let key = hmac(`AWS4${SECRET}`, amzDate.slice(0, 8));
    for (const part of ['us-east-1', 'sqs', 'aws4_request']) key = hmac(key, part);
    const sig = createHmac('sha256', key).update(sts).digest('hex');
    return {
      method: 'POST',
      rawUrl: '/',
      headers: {
        host: 'localhost',
        date,
        authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/${scope}, SignedHeaders=date;host, Signature=${sig}`,
      },
      body: Buffer.from(body),
    };
  }

  it('is accepted when X-Amz-Date is absent', () => {
    const req = signWithDateHeader('Mon, 15 Jan 2024 12:30:45 GMT', '20240115T123045Z', 'a=b');
    expect(verify(req).accessKeyId).toBe(AKID);
    expect(idOf(req, T0 + 300_001)).toBe('RequestExpired');
  });

  it('X-Amz-Date wins over Date when both are present', () => {
    const req = signWithDateHeader('Mon, 15 Jan 2024 12:30:45 GMT', '20240115T123045Z', 'a=b');
    expect(idOf(withHeaders(req, { 'x-amz-date': '20240115T123046Z' }))).toBe(
      'SignatureDoesNotMatch',
    );
  });
});

describe('presigned URLs', () => {
  let url: SigV4Request;
  beforeAll(async () => {
    url = await smithyPresign({ query: { Action: 'ListQueues' } }, { expiresIn: 60 });
  });
  const setParam = (req: SigV4Request, name: string, value: string | undefined): SigV4Request => {
    const [path, qs = ''] = req.rawUrl.split('?') as [string, string?];
    const params = qs.split('&').filter((p) => !p.startsWith(`${name}=`));
    if (value !== undefined) params.push(`${name}=${value}`);
    return { ...req, rawUrl: `${path}?${params.join('&')}` };
  };

  it('expires after X-Amz-Date + X-Amz-Expires', () => {
    expect(verify(url, T0 + 60_000).presigned).toBe(true);
    const e = caught(() => verify(url, T0 + 60_001));
    expect(e.id).toBe('RequestExpired');
    expect(e.message).toBe(
      'Request has expired: X-Amz-Date 20240115T123045Z + X-Amz-Expires 60 s ended at ' +
        '20240115T123145Z; it is now 20240115T123145Z.',
    );
  });

  it('is not yet valid more than 5 minutes before X-Amz-Date', () => {
    expect(idOf(url, T0 - 300_001)).toBe('RequestExpired');
  });

  it.each([
    ['604801', /less than a week \(in seconds\) that is 604800/],
    ['0', /at least 1 second/],
    ['-5', /should be a number/],
    ['1.5', /should be a number/],
    ['abc', /should be a number/],
    ['99999999999999999999', /should be a number/],
  ])('X-Amz-Expires=%s is IncompleteSignature', (value, message) => {
    const e = caught(() => verify(setParam(url, 'X-Amz-Expires', value)));
    expect(e.id).toBe('IncompleteSignature');
    expect(e.message).toMatch(message);
  });

  it.each([
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-SignedHeaders',
    'X-Amz-Signature',
  ])('missing %s is IncompleteSignature', (name) => {
    const e = caught(() => verify(setParam(url, name, undefined)));
    expect(e.id).toBe('IncompleteSignature');
    expect(e.message).toMatch(/must include 'X-Amz-Algorithm'/);
  });

  it('other malformed parameters', () => {
    expect(idOf(setParam(url, 'X-Amz-Algorithm', 'AWS4-HMAC-SHA512'))).toBe('IncompleteSignature');
    expect(idOf(setParam(url, 'X-Amz-Date', '2024'))).toBe('IncompleteSignature');
    expect(idOf(setParam(url, 'X-Amz-SignedHeaders', 'x-amz-date'))).toBe('IncompleteSignature');
    expect(idOf(setParam(url, 'X-Amz-Credential', 'AKID%2F20240115'))).toBe('IncompleteSignature');
    expect(idOf({ ...url, rawUrl: `${url.rawUrl}&X-Amz-Date=20240115T123045Z` })).toBe(
      'IncompleteSignature',
    );
  });

  it('unknown key and wrong signature', () => {
    const other = setParam(
      url,
      'X-Amz-Credential',
      `AKIDOTHER%2F20240115%2Fus-east-1%2Fsqs%2Faws4_request`,
    );
    expect(idOf(other)).toBe('InvalidClientTokenId');
    expect(idOf(setParam(url, 'X-Amz-Signature', '0'.repeat(64)))).toBe('SignatureDoesNotMatch');
  });
});

describe('peekCredentialScope', () => {
  it('reads the scope of header and presigned auth without verifying', async () => {
    expect(peekCredentialScope(withAuth(auth.replace(signature, 'bad')))).toEqual({
      accessKeyId: AKID,
      region: 'us-east-1',
      service: 'sqs',
    });
    const url = await smithyPresign(
      { query: { Action: 'ListQueues' } },
      { service: 'sns', region: 'eu-west-1' },
    );
    expect(peekCredentialScope(url)).toEqual({
      accessKeyId: AKID,
      region: 'eu-west-1',
      service: 'sns',
    });
  });

  it('is undefined when there is nothing usable', () => {
    expect(peekCredentialScope(withAuth(undefined))).toBeUndefined();
    expect(peekCredentialScope(withAuth('Bearer x'))).toBeUndefined();
    expect(peekCredentialScope(withAuth(auth.replace('/sqs/', '/')))).toBeUndefined();
    expect(
      peekCredentialScope({ ...withAuth(undefined), rawUrl: '/?X-Amz-Credential=%%%' }),
    ).toBeUndefined();
  });
});

describe('AWS Signature Version 4 test suite vectors', () => {
  const vector = (rawUrl: string, signature: string): SigV4Request => ({
    method: 'GET',
    rawUrl,
    headers: {
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        `SignedHeaders=host;x-amz-date, Signature=${signature}`,
    },
    body: Buffer.alloc(0),
  });
  const suiteLookup = (id: string) =>
    id === 'AKIDEXAMPLE' ? { secretAccessKey: SECRET, accountId: '123456789012' } : undefined;
  const now = Date.UTC(2015, 7, 30, 12, 36, 0);

  it.each([
    ['/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    [
      '/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    ],
  ])('GET %s', (rawUrl, signature) => {
    const caller = verifySigV4(vector(rawUrl, signature), { lookup: suiteLookup, now });
    expect(caller).toEqual({
      accessKeyId: 'AKIDEXAMPLE',
      accountId: '123456789012',
      region: 'us-east-1',
      service: 'service',
      presigned: false,
    });
  });
});
