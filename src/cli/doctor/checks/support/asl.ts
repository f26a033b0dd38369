/**
 * Amazon States Language walking: every state of a definition, including those nested in
 * Parallel branches and Map iterators/item processors, with its path for messages.
 */
export interface AslState {
  path: string;
  name: string;
  type: string;
  resource: string | undefined;
  retry: unknown[];
  catch: unknown[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function walk(machine: Json | undefined, prefix: string, out: AslState[]): void {
  const states = obj(machine?.States);
  if (!states) return;
  for (const [name, raw] of Object.entries(states)) {
    const s = obj(raw);
    if (!s) continue;
    const path = prefix ? `${prefix}/${name}` : name;
    out.push({
      path,
      name,
      type: typeof s.Type === 'string' ? s.Type : '',
      resource: typeof s.Resource === 'string' ? s.Resource : undefined,
      retry: arr(s.Retry),
      catch: arr(s.Catch),
    });
    arr(s.Branches).forEach((b, i) => walk(obj(b), `${path}[branch ${i}]`, out));
    walk(obj(s.Iterator) ?? obj(s.ItemProcessor), `${path}[item]`, out);
  }
}

/** All states, or undefined when the definition is not valid JSON. */
export function aslStates(definition: string | undefined): AslState[] | undefined {
  if (definition === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch {
    return undefined;
  }
  const out: AslState[] = [];
  walk(obj(parsed), '', out);
  return out;
}
