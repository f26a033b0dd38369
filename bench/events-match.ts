/**
 * Event-pattern matching benchmark: events/s matched on one core, JSON.parse of each event
 * included, for one bus holding 10, 1,000 and 10,000 rules, and the naive reference matcher
 * at 1,000 rules for comparison. Rules are realistic: source + detail-type + detail fields with
 * mixed operators (exact, prefix, numeric range, anything-but, equals-ignore-case, wildcard,
 * exists); each event is built from one rule and matches about one rule. Prints one JSON
 * document on stdout. Options: `--duration S` seconds per figure (default 2); `--rules 10,1000`
 * which rule counts to measure (default 10,1000,10000); `--no-reference` skips the reference
 * figure and `--no-parse-only` the JSON.parse-only one; `--iterations N` replaces timing by
 * exactly N matches per figure after the same warm-up (for instruction counting under
 * `valgrind --tool=callgrind`: timings are meaningless there, but counts are repeatable on a
 * loaded machine; take the difference of two N to cancel start-up and rule building).
 *
 *   node --import tsx bench/events-match.ts [--duration 2] [--rules 1000] [--no-reference]
 *   valgrind --tool=callgrind node --import tsx bench/events-match.ts --rules 1000 \
 *     --no-reference --iterations 20000
 */
import {
  CompiledRuleSet,
  matchesReference,
  parseEventPattern,
  type EventPattern,
} from '../src/core/patterns/index.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const SECONDS = Number(option('--duration') ?? 2);
const RULE_COUNTS = (option('--rules') ?? '10,1000,10000').split(',').map(Number);
const ITERATIONS = option('--iterations') === undefined ? 0 : Number(option('--iterations'));
const WITH_REFERENCE = !process.argv.includes('--no-reference');
const WITH_PARSE_ONLY = !process.argv.includes('--no-parse-only');
const SOURCES = 20;
const DETAIL_TYPES = 50;

function ruleJson(i: number): Record<string, unknown> {
  const detail: Record<string, unknown> = {
    customer: [`cust-${i}`],
    amount: [{ numeric: ['>', i % 100, '<=', 10_000] }],
    status: [{ 'anything-but': ['cancelled', 'failed'] }],
  };
  switch (i % 4) {
    case 0:
      detail.region = [{ prefix: 'eu-' }];
      break;
    case 1:
      detail.channel = [{ 'equals-ignore-case': 'web' }];
      break;
    case 2:
      detail.sku = [{ wildcard: `sku-${i % 10}-*` }];
      break;
    default:
      detail.error = [{ exists: false }];
  }
  return {
    source: [`com.example.service${i % SOURCES}`],
    'detail-type': [`Order Event ${i % DETAIL_TYPES}`],
    detail,
  };
}

function eventFor(i: number): string {
  return JSON.stringify({
    version: '0',
    id: `6a7e8feb-b491-4cf7-a9f1-${String(i).padStart(12, '0')}`,
    'detail-type': `Order Event ${i % DETAIL_TYPES}`,
    source: `com.example.service${i % SOURCES}`,
    account: '111122223333',
    time: '2024-05-01T12:00:00Z',
    region: 'eu-west-1',
    resources: [`arn:aws:orders:eu-west-1:111122223333:order/${i}`],
    detail: {
      customer: `cust-${i}`,
      amount: 150 + (i % 50),
      status: 'confirmed',
      region: 'eu-central-1',
      channel: 'WEB',
      sku: `sku-${i % 10}-large`,
      items: [
        { sku: 'a-1', qty: 2 },
        { sku: 'b-7', qty: 1 },
      ],
      note: 'a realistic payload of a few hundred bytes',
    },
  });
}

function patterns(n: number): EventPattern[] {
  return Array.from({ length: n }, (_, i) => parseEventPattern(JSON.stringify(ruleJson(i))));
}

function events(rules: number): string[] {
  return Array.from({ length: 1000 }, (_, k) => eventFor((k * 7919) % rules));
}

/**
 * Runs `matchOne` over the events for SECONDS (or exactly ITERATIONS times); returns events/s
 * and mean matches per event.
 */
function measure(evs: readonly string[], matchOne: (json: string) => number) {
  for (let k = 0; k < 2000; k++) matchOne(evs[k % evs.length]!); // warm-up
  let count = 0;
  let matched = 0;
  const start = process.hrtime.bigint();
  if (ITERATIONS > 0) {
    for (; count < ITERATIONS; count++) matched += matchOne(evs[count % evs.length]!);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { eventsPerSecond: Math.round(count / seconds), matchesPerEvent: matched / count };
  }
  const deadline = start + BigInt(Math.round(SECONDS * 1e9));
  let now = start;
  while (now < deadline) {
    for (let k = 0; k < 200; k++) matched += matchOne(evs[(count + k) % evs.length]!);
    count += 200;
    now = process.hrtime.bigint();
  }
  const seconds = Number(now - start) / 1e9;
  return { eventsPerSecond: Math.round(count / seconds), matchesPerEvent: matched / count };
}

function compiledFigure(rules: number) {
  const set = new CompiledRuleSet<number>();
  const t0 = process.hrtime.bigint();
  patterns(rules).forEach((p, i) => set.add(i, p));
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    rules,
    buildMs: Math.round(buildMs),
    ...measure(events(rules), (j) => set.matchJson(j).length),
  };
}

function referenceFigure(rules: number) {
  const ps = patterns(rules);
  const fig = measure(events(rules), (j) => {
    const event: unknown = JSON.parse(j);
    let n = 0;
    for (const p of ps) if (matchesReference(p, event)) n++;
    return n;
  });
  return { rules, ...fig };
}

const parseOnly = WITH_PARSE_ONLY
  ? measure(events(1000), (j) => (JSON.parse(j) === null ? 1 : 0))
  : undefined;
const compiled = RULE_COUNTS.map(compiledFigure);
const reference = WITH_REFERENCE ? referenceFigure(1000) : undefined;
const at1000 = compiled.find((f) => f.rules === 1000)?.eventsPerSecond;
const first = compiled[0];
const last = compiled[compiled.length - 1];
const ratio = (a: number, b: number, digits: number) =>
  Math.round((a / b) * 10 ** digits) / 10 ** digits;
process.stdout.write(
  JSON.stringify(
    {
      benchmark: 'events-match',
      secondsPerFigure: ITERATIONS > 0 ? undefined : SECONDS,
      iterationsPerFigure: ITERATIONS > 0 ? ITERATIONS : undefined,
      eventBytes: eventFor(1).length,
      jsonParseOnly: parseOnly?.eventsPerSecond,
      compiled,
      reference,
      speedupAt1000:
        at1000 !== undefined && reference ? ratio(at1000, reference.eventsPerSecond, 1) : undefined,
      flatnessLastOverFirst:
        first && last && compiled.length > 1
          ? ratio(last.eventsPerSecond, first.eventsPerSecond, 2)
          : undefined,
      target: {
        eventsPerSecondAt1000: 100_000,
        met: at1000 === undefined ? undefined : at1000 >= 100_000,
      },
    },
    null,
    2,
  ) + '\n',
);
