import { describe, expect, it } from 'vitest';
import {
  evaluatePath,
  formatPath,
  parsePath,
  parseReferencePath,
  queryPath,
  type JsonValue,
} from '../../../src/core/workflows/jsonpath/index.js';
import { expectDefinitionError, expectStatesError } from './helpers.js';

// The AWS guide's reference-path example input.
const refInput = { foo: 123, bar: ['a', 'b', 'c'], car: { cdr: true } };

const store: JsonValue = {
  store: {
    book: [
      { category: 'reference', author: 'Nigel Rees', title: 'Sayings of the Century', price: 8.95 },
      { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword of Honour', price: 12.99 },
      {
        category: 'fiction',
        author: 'Herman Melville',
        title: 'Moby Dick',
        isbn: '0-553-21311-3',
        price: 8.99,
      },
      {
        category: 'fiction',
        author: 'J. R. R. Tolkien',
        title: 'The Lord of the Rings',
        isbn: '0-395-19395-8',
        price: 22.99,
      },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
  expensive: 10,
};

const at = (path: string, input: JsonValue): JsonValue => evaluatePath(parsePath(path), { input });

describe('reference paths from the AWS guide', () => {
  it.each([
    ['$.foo', 123],
    ['$.bar', ['a', 'b', 'c']],
    ['$.car.cdr', true],
    ["$['car']['cdr']", true],
    ['$.bar[0]', 'a'],
    ['$.bar[2]', 'c'],
    ['$', refInput],
  ] as const)('%s', (path, expected) => {
    const parsed = parseReferencePath(path);
    expect(parsed.reference).toBe(true);
    expect(evaluatePath(parsed, { input: refInput })).toEqual(expected);
  });

  it.each([
    '$..foo',
    '$.bar[*]',
    '$.bar[0,1]',
    '$.bar[0:1]',
    '$.bar[?(@ == 1)]',
    "$['a','b']",
    '$.*',
    '$.bar[-1]',
  ])('%s is not a reference path', (path) => {
    expect(parsePath(path).reference).toBe(false);
    expectDefinitionError(() => parseReferencePath(path), /reference path/);
  });
});

describe('general paths (Jayway semantics)', () => {
  it.each<[string, JsonValue]>([
    [
      '$.store.book[*].author',
      ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien'],
    ],
    ['$..author', ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien']],
    ['$.store..price', [8.95, 12.99, 8.99, 22.99, 19.95]],
    ['$..book[2].title', ['Moby Dick']],
    ['$..book[-1].title', ['The Lord of the Rings']],
    ['$.store.book[-1].title', 'The Lord of the Rings'],
    ['$.store.book[0,1].title', ['Sayings of the Century', 'Sword of Honour']],
    ['$.store.book[:2].price', [8.95, 12.99]],
    ['$.store.book[1:2].price', [12.99]],
    ['$.store.book[-2:].price', [8.99, 22.99]],
    ['$.store.book[2:].price', [8.99, 22.99]],
    ['$.store.book[?(@.isbn)].title', ['Moby Dick', 'The Lord of the Rings']],
    ['$.store.book[?(!@.isbn)].title', ['Sayings of the Century', 'Sword of Honour']],
    ['$.store.book[?(@.price < 10)].price', [8.95, 8.99]],
    ['$.store.book[?(@.price <= $.expensive)].price', [8.95, 8.99]],
    ["$.store.book[?(@.category == 'reference')].author", ['Nigel Rees']],
    ["$.store.book[?(@.category != 'fiction')].author", ['Nigel Rees']],
    ['$.store.book[?(@.price > 10 && @.price < 20)].title', ['Sword of Honour']],
    ["$.store.book[?(@.price > 20 || @.category == 'reference')].price", [8.95, 22.99]],
    ['$.store.book[?(@.author =~ /.*REES/i)].price', [8.95]],
    ["$.store.book[?(@.category in ['reference'])].price", [8.95]],
    ["$.store.book[?(@.category nin ['fiction'])].price", [8.95]],
    ['$.store.book[?((@.price < 9) && !(@.isbn))].price', [8.95]],
    ['$.store.bicycle.*', ['red', 19.95]],
    ['$.store.bicycle[*]', ['red', 19.95]],
    ["$.store.bicycle['color','price']", { color: 'red', price: 19.95 }],
    ["$.store.bicycle['color','weight']", { color: 'red' }],
    ['$.store.book[10:].price', []],
    ['$.store.book[*].missing', []],
    ['$..[?(@.price > 20)].title', ['The Lord of the Rings']],
    ["$.store.['bicycle'].color", 'red'],
  ])('%s', (path, expected) => {
    expect(at(path, store)).toEqual(expected);
  });

  it('deep scan with a wildcard visits every node, parents first', () => {
    expect(at('$..*', { a: { b: 1 }, c: [2] })).toEqual([{ b: 1 }, [2], 1, 2]);
  });

  it('filters apply to an object itself, not its values', () => {
    expect(at('$.a[?(@.x == 1)]', { a: { x: 1 } })).toEqual([{ x: 1 }]);
    expect(at('$.a[?(@ > 1)]', { a: [1, 2, 3] })).toEqual([2, 3]);
  });

  it('null values are found; keys like __proto__ are plain data', () => {
    expect(at('$.a', { a: null })).toBeNull();
    expect(at("$['__proto__']", JSON.parse('{"__proto__": 5}') as JsonValue)).toBe(5);
    expect(queryPath(parsePath('$.constructor'), { input: {} }).found).toBe(false);
  });

  it('.length() is not a function in Step Functions: it matches nothing', () => {
    expectStatesError(
      () => at('$.Jobs.sum()', { Jobs: [1, 2] }),
      'States.Runtime',
      /property \['sum\(\)'\]/,
    );
    expectStatesError(
      () => at('$.o.length()', { o: {} }),
      'States.Runtime',
      /No results for path: \$\['o'\]\['length\(\)'\]/,
    );
  });
});

describe('paths that select nothing', () => {
  it.each<[string, JsonValue, string]>([
    ['$.foo', {}, "Invalid path '$.foo' : No results for path: $['foo']"],
    ['$.a.b', { a: {} }, "Invalid path '$.a.b' : No results for path: $['a']['b']"],
    ['$.a.b', {}, "Invalid path '$.a.b' : Missing property in path $['a']"],
    ['$.a[3]', { a: [1] }, "Invalid path '$.a[3]' : No results for path: $['a'][3]"],
    [
      '$.a[0]',
      { a: 'x' },
      `Invalid path '$.a[0]' : Filter: [0] can only be applied to arrays. Current context is: "x"`,
    ],
    ['$.a[*]', {}, "Invalid path '$.a[*]' : Missing property in path $['a']"],
    [
      "$['a', 'b'].v",
      { a: { v: 1 }, b: { v: 2 } },
      "Invalid path '$['a', 'b'].v' : Multi properties can only be used as path leafs: $['a', 'b']",
    ],
  ])('%s on %j', (path, input, cause) => {
    expectStatesError(() => at(path, input), 'States.Runtime', cause);
  });

  it('a name on a non-object, while the path is definite, is an error', () => {
    expectStatesError(
      () => at('$.a.b', { a: 5 }),
      'States.Runtime',
      /Expected to find an object with property \['b'\] in path \$\['a'\] but found 'number'/,
    );
  });

  it('after an indefinite step, mismatches select nothing', () => {
    expect(at('$.a[*].b', { a: [1, { b: 2 }, 'x'] })).toEqual([2]);
  });
});

describe('roots: context object and variables', () => {
  const ctx = {
    input: { x: 1 },
    context: {
      Execution: { Id: 'arn:exec', Input: { key: 'value' } },
      Map: { Item: { Index: 2 } },
    },
    variables: { productName: 'widget', order: { items: [{ id: 7 }] } },
  };
  it.each<[string, JsonValue]>([
    ['$$.Execution.Id', 'arn:exec'],
    ['$$.Execution.Input.key', 'value'],
    ['$$.Map.Item.Index', 2],
    ['$productName', 'widget'],
    ['$order.items[0].id', 7],
    ['$order.items[*].id', [7]],
    ['$', { x: 1 }],
  ])('%s', (path, expected) => {
    expect(evaluatePath(parsePath(path), ctx)).toEqual(expected);
  });

  it('an undefined variable is not found', () => {
    expectStatesError(
      () => evaluatePath(parsePath('$nope'), ctx),
      'States.Runtime',
      /The variable '\$nope' is not defined/,
    );
  });

  it('results are copies, never aliases of the input', () => {
    const value = evaluatePath(parsePath('$order'), ctx) as { items: unknown[] };
    value.items.push(1);
    expect(ctx.variables.order.items).toHaveLength(1);
  });
});

describe('definition errors', () => {
  it.each([
    ['', /must start with '\$'/],
    ['foo', /must start with '\$'/],
    ['$.', /expected a name/],
    ['$..', /expected a name/],
    ['$...a', /'\.\.\.'/],
    ['$.a b', /bracket notation/],
    ['$[', /expected '\*'/],
    ["$['a'", /expected '\]'/],
    ["$['a]", /unterminated/],
    ['$[1:2:3]', /step/],
    ['$[?(@.a ==)]', /expected '@'/],
    ['$[?(@.a =~ 5)]', /regular expression/],
    ['$[?(@.a =~ /(/)]', /invalid regular expression/],
    ['$[?(@.a > 1]', /'\)'/],
    ['$x$', /unexpected/],
    ['$$$', /unexpected/],
    ['$[99999999999999999999]', /out of range/],
    [`$${'v'.repeat(81)}`, /at most 80/],
  ])('%j', (path, reason) => {
    const e = expectDefinitionError(() => parsePath(path), reason);
    expect(e.forField('InputPath')).toBe(
      "The value for the field 'InputPath' must be a valid JSONPath",
    );
  });

  it('reference-path errors render the ReferencePath diagnostic', () => {
    const e = expectDefinitionError(() => parseReferencePath('$.a[*]'));
    expect(e.forField('ResultPath')).toBe(
      "The value for the field 'ResultPath' must be a valid ReferencePath",
    );
  });
});

describe('canonical form', () => {
  it.each([
    ['$.a.b[0]', "$['a']['b'][0]"],
    ["$..a['b','c']", "$..['a']['b', 'c']"],
    ['$$.Execution.Id', "$$['Execution']['Id']"],
    ['$v[1:][:2][-1:3]', '$v[1:][:2][-1:3]'],
    ["$[?(@.a == 'x' && !(@.b))]", "$[?((@['a'] == 'x' && !(@['b'])))]"],
    ["$['it\\'s']", "$['it\\'s']"],
  ])('%s prints as %s', (path, canonical) => {
    expect(formatPath(parsePath(path))).toBe(canonical);
    expect(parsePath(canonical).segments).toEqual(parsePath(path).segments);
  });
});
