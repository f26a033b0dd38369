/**
 * Prints parsed paths in canonical bracket form, as Jayway JsonPath prints them in its
 * messages (`$['store']['book'][0]`), which Step Functions quotes in causes such as
 * "No results for path: $['foo']". The output parses back to the same AST.
 */
import type {
  FilterExpr,
  FilterOperand,
  ParsedPath,
  PathRoot,
  Segment,
  Selector,
} from './path-ast.js';
import type { JsonValue } from '../shared/json-value.js';

export function formatPath(path: Pick<ParsedPath, 'root' | 'segments'>): string {
  return formatRoot(path.root) + formatSegments(path.segments);
}

export function formatRoot(root: PathRoot): string {
  if (root.kind === 'context') return '$$';
  if (root.kind === 'variable') return `$${root.name}`;
  return '$';
}

export function formatSegments(segments: readonly Segment[]): string {
  return segments.map(formatSegment).join('');
}

export function formatSegment(segment: Segment): string {
  return segment.type === 'descendant'
    ? `..${formatSelector(segment.selector)}`
    : formatSelector(segment);
}

export function quoteName(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function formatSelector(selector: Selector): string {
  switch (selector.type) {
    case 'property':
      return `[${quoteName(selector.name)}]`;
    case 'properties':
      return `[${selector.names.map(quoteName).join(', ')}]`;
    case 'index':
      return `[${selector.index}]`;
    case 'indexes':
      return `[${selector.indexes.join(',')}]`;
    case 'slice':
      return `[${selector.start ?? ''}:${selector.end ?? ''}]`;
    case 'wildcard':
      return '[*]';
    case 'filter':
      return `[?(${formatFilter(selector.expr)})]`;
  }
}

export function formatFilter(expr: FilterExpr): string {
  switch (expr.type) {
    case 'or':
      return `(${formatFilter(expr.left)} || ${formatFilter(expr.right)})`;
    case 'and':
      return `(${formatFilter(expr.left)} && ${formatFilter(expr.right)})`;
    case 'not':
      return `!(${formatFilter(expr.expr)})`;
    case 'compare':
      return `${formatOperand(expr.left)} ${expr.op} ${formatOperand(expr.right)}`;
    case 'exists':
      return formatOperand(expr.operand);
  }
}

function formatOperand(operand: FilterOperand): string {
  switch (operand.type) {
    case 'current':
      return `@${formatSegments(operand.segments)}`;
    case 'root':
      return `$${formatSegments(operand.segments)}`;
    case 'regex':
      return `/${operand.source}/${operand.flags}`;
    case 'literal':
      return formatLiteral(operand.value);
  }
}

function formatLiteral(value: JsonValue): string {
  if (typeof value === 'string') return quoteName(value);
  if (Array.isArray(value)) return `[${value.map(formatLiteral).join(', ')}]`;
  return JSON.stringify(value);
}
