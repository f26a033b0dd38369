/**
 * SNS filter-policy benchmark: messages/s evaluated in-process against every subscription of
 * one topic (SnsTopicFilter: typed-attribute mapping, body JSON.parse and the compiled
 * match all included), for topics holding 10 and 1,000 subscriptions with filter policies,
 * and the naive reference matcher looping over the 1,000 policies for comparison.
 * Subscriptions are realistic: four in five filter on message attributes (exact customer,
 * prefix, numeric range, anything-but, and by turns equals-ignore-case on a String.Array,
 * cidr, exists: false, anything-but on a String.Array), one in five on the JSON body (nested
 * keys). Each message is built for one subscription and matches about one. Prints one JSON
 * document on stdout; `--duration S` sets seconds per figure (default 2).
 *
 *   node --import tsx bench/sns-filter.ts [--duration 2]
 */
import {
  matchesSnsFilterReference,
  parseSnsFilterPolicy,
  SnsTopicFilter,
  type SnsFilterPolicy,
  type SnsMessage,
} from '../src/core/patterns/index.js';

const durationArg = process.argv.indexOf('--duration');
const SECONDS = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 2;
const SIZES = [10, 1000];

function attributePolicy(i: number): Record<string, unknown> {
  const policy: Record<string, unknown> = {
    customer: [`cust-${i}`],
    event: [{ prefix: 'order_' }],
    price_usd: [{ numeric: ['>', i % 100, '<=', 10_000] }],
    region: [{ 'anything-but': ['cn-north-1', 'cn-northwest-1'] }],
  };
  switch (i % 4) {
    case 0:
      policy.interests = [{ 'equals-ignore-case': 'rugby' }];
      break;
    case 1:
      policy.source_ip = [{ cidr: '10.0.0.0/8' }];
      break;
    case 2:
      policy.test = [{ exists: false }];
      break;
    default:
      policy.interests = [{ 'anything-but': ['chess'] }];
  }
  return policy;
}

function bodyPolicy(i: number): Record<string, unknown> {
  return {
    customer: [`cust-${i}`],
    order: { state: [{ 'anything-but': 'cancelled' }], total: [{ numeric: ['>=', 10] }] },
    channel: ['web', 'mobile'],
  };
}

const isBody = (i: number) => i % 5 === 4;

function policies(n: number): SnsFilterPolicy[] {
  return Array.from({ length: n }, (_, i) =>
    isBody(i)
      ? parseSnsFilterPolicy(JSON.stringify(bodyPolicy(i)), { scope: 'MessageBody' })
      : parseSnsFilterPolicy(JSON.stringify(attributePolicy(i))),
  );
}

function messageFor(i: number): SnsMessage {
  const attr = (DataType: string, StringValue: string) => ({ DataType, StringValue });
  return {
    body: JSON.stringify({
      customer: `cust-${i}`,
      channel: 'web',
      order: { id: `o-${i}`, state: 'paid', total: 42.5, items: [{ sku: 'a-1', qty: 2 }] },
      note: 'a realistic payload of a couple of hundred bytes',
    }),
    attributes: {
      customer: attr('String', `cust-${i}`),
      event: attr('String', 'order_placed'),
      price_usd: attr('Number', String(150 + (i % 50))),
      region: attr('String', 'eu-west-1'),
      interests: attr('String.Array', JSON.stringify(['Rugby', 'tennis'])),
      source_ip: attr('String', '10.1.2.3'),
    },
  };
}

function messages(subscriptions: number): SnsMessage[] {
  return Array.from({ length: 1000 }, (_, k) => messageFor((k * 7919) % subscriptions));
}

/** Runs `evaluate` over the messages for SECONDS; returns messages/s and mean matches. */
function measure(ms: readonly SnsMessage[], evaluate: (m: SnsMessage) => number) {
  for (let k = 0; k < 2000; k++) evaluate(ms[k % ms.length]!); // warm-up
  let count = 0;
  let matched = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(SECONDS * 1e9));
  let now = start;
  while (now < deadline) {
    for (let k = 0; k < 200; k++) matched += evaluate(ms[(count + k) % ms.length]!);
    count += 200;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  const perSecond = count / seconds;
  return {
    messagesPerSecond: Math.round(perSecond),
    microsPerMessage: Number((1e6 / perSecond).toFixed(2)),
    matchesPerMessage: Number((matched / count).toFixed(3)),
  };
}

function compiledFigure(subscriptions: number) {
  const topic = new SnsTopicFilter<number>();
  const t0 = process.hrtime.bigint();
  policies(subscriptions).forEach((p, i) => topic.set(i, p));
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    subscriptions,
    buildMs: Math.round(buildMs),
    ...measure(messages(subscriptions), (m) => topic.match(m).matched.length),
  };
}

function referenceFigure(subscriptions: number) {
  const ps = policies(subscriptions);
  return {
    subscriptions,
    ...measure(messages(subscriptions), (m) => {
      let n = 0;
      for (const p of ps) if (matchesSnsFilterReference(p, m)) n++;
      return n;
    }),
  };
}

const compiled = SIZES.map(compiledFigure);
const reference = referenceFigure(1000);
const small = compiled[0]!;
const large = compiled[compiled.length - 1]!;
console.log(
  JSON.stringify(
    {
      benchmark: 'sns-filter',
      node: process.version,
      secondsPerFigure: SECONDS,
      compiled,
      reference,
      costRatio1000vs10: Number((large.microsPerMessage / small.microsPerMessage).toFixed(2)),
      speedupVsReferenceAt1000: Number(
        (large.messagesPerSecond / reference.messagesPerSecond).toFixed(1),
      ),
      target: { messagesPerSecondAt1000: 20_000, met: large.messagesPerSecond >= 20_000 },
    },
    null,
    2,
  ),
);
