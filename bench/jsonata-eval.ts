/**
 * `node --import tsx bench/jsonata-eval.ts` — what the JSONata layer costs per state
 * transition: evaluations per second of a typical Task `Arguments` template and a typical
 * `Output` template (each compiled once, as the engine does per definition), plus a bare
 * one-expression field for reference. Sequential evaluations on one core, after a warm-up;
 * prints one JSON document with each figure's median over `--repeat` runs (default 3).
 *
 *   node --import tsx bench/jsonata-eval.ts [--seconds 3] [--repeat 3]
 */
import {
  compileTemplate,
  evaluateTemplate,
  type JsonValue,
} from '../src/core/workflows/jsonata/index.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const seconds = option('seconds', 3);
const repeat = option('repeat', 3);

const input: JsonValue = {
  orderId: 'o-123',
  customer: { id: 'c-9', name: 'Ana Lima', email: 'ana@example.com', tier: 'gold' },
  items: Array.from({ length: 10 }, (_, i) => ({
    sku: `sku-${i}`,
    qty: (i % 3) + 1,
    price: 9.5 + i,
  })),
  shipping: { country: 'PT', express: true },
};
const result: JsonValue = {
  Payload: { status: 'ACCEPTED', invoiceId: 'inv-77', total: 214.5, warnings: [] },
};
const context: JsonValue = {
  Execution: {
    Id: 'arn:aws:states:us-east-1:000000000000:execution:sm:run',
    StartTime: '2025-05-28T09:00:00.000Z',
  },
  State: { Name: 'Invoice' },
};
const variables: Record<string, JsonValue> = { tenant: 't-1', discount: 0.1 };

const templates: Record<
  string,
  { template: JsonValue; fields: ('input' | 'result' | 'context')[] }
> = {
  arguments: {
    fields: ['input', 'context'],
    template: {
      FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:invoice',
      Payload: {
        orderId: '{% $states.input.orderId %}',
        customer: "{% $states.input.customer.{'id': id, 'email': email} %}",
        total: '{% $sum($states.input.items.(qty * price)) * (1 - $discount) %}',
        lines: '{% $count($states.input.items) %}',
        tenant: '{% $tenant %}',
        startedAt: '{% $states.context.Execution.StartTime %}',
      },
    },
  },
  output: {
    fields: ['input', 'result', 'context'],
    template: {
      orderId: '{% $states.input.orderId %}',
      invoice: '{% $states.result.Payload.invoiceId %}',
      accepted: "{% $states.result.Payload.status = 'ACCEPTED' %}",
      total: '{% $states.result.Payload.total %}',
    },
  },
  single: { fields: ['input'], template: '{% $states.input.customer.name %}' },
};

async function measure(name: string): Promise<number> {
  const { template, fields } = templates[name]!;
  const compiled = compileTemplate(template, {
    field: 'Arguments',
    location: '/States/S/Arguments',
    statesFields: fields,
  });
  const scope = { states: { input, result, context }, variables };
  for (let i = 0; i < 2_000; i++) await evaluateTemplate(compiled, scope);
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1_000;
  while (performance.now() < until) {
    for (let i = 0; i < 200; i++) await evaluateTemplate(compiled, scope);
    count += 200;
  }
  return count / ((performance.now() - started) / 1_000);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figures: Record<
  string,
  { evaluationsPerSecond: number; runs: number[]; microsecondsEach: number }
> = {};
for (const name of Object.keys(templates)) {
  const runs: number[] = [];
  for (let r = 0; r < repeat; r++) runs.push(Math.round(await measure(name)));
  const mid = median(runs);
  figures[name] = { evaluationsPerSecond: mid, runs, microsecondsEach: Math.round(1e7 / mid) / 10 };
}
console.log(
  JSON.stringify(
    { benchmark: 'jsonata-eval', node: process.version, seconds, repeat, figures },
    null,
    2,
  ),
);
