/**
 * Evaluates a parsed intrinsic call: arguments left to right (paths against the evaluation
 * context, nested calls recursively), then the function. A path argument that selects nothing
 * is `States.Runtime`; a function given unusable values is `States.IntrinsicFailure`.
 */
import type { IntrinsicArg, IntrinsicCall, IntrinsicName } from './intrinsic-ast.js';
import type { IntrinsicImpl } from './intrinsic-args.js';
import { cryptoEntropy, type EvaluationContext } from './evaluation-context.js';
import { queryPath } from './path-query.js';
import { cloneJson, toJsonText, type JsonValue } from '../shared/json-value.js';
import { STATES_RUNTIME, StatesError } from '../shared/states-error.js';
import {
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  statesArray,
} from './intrinsics-array.js';
import {
  base64Decode,
  base64Encode,
  hash,
  jsonMerge,
  jsonToString,
  stringToJson,
} from './intrinsics-data.js';
import { mathAdd, mathRandom } from './intrinsics-math.js';
import { format, formatWithParts, stringSplit, uuid } from './intrinsics-string.js';

const IMPLEMENTATIONS: Record<IntrinsicName, IntrinsicImpl> = {
  'States.Format': format,
  'States.StringToJson': stringToJson,
  'States.JsonToString': jsonToString,
  'States.Array': statesArray,
  'States.ArrayPartition': arrayPartition,
  'States.ArrayContains': arrayContains,
  'States.ArrayRange': arrayRange,
  'States.ArrayGetItem': arrayGetItem,
  'States.ArrayLength': arrayLength,
  'States.ArrayUnique': arrayUnique,
  'States.Base64Encode': base64Encode,
  'States.Base64Decode': base64Decode,
  'States.Hash': hash,
  'States.JsonMerge': jsonMerge,
  'States.MathRandom': mathRandom,
  'States.MathAdd': mathAdd,
  'States.StringSplit': stringSplit,
  'States.UUID': uuid,
};

/**
 * @param field the payload field holding the call (e.g. `id.$`), quoted in causes.
 */
export function evaluateIntrinsic(
  call: IntrinsicCall,
  ctx: EvaluationContext,
  field?: string,
): JsonValue {
  const values = call.args.map((arg) => argumentValue(arg, ctx, field));
  const template = call.args[0];
  if (call.name === 'States.Format' && template?.type === 'literal' && template.formatParts) {
    return formatWithParts(template.formatParts, values.slice(1));
  }
  return IMPLEMENTATIONS[call.name](values, ctx.entropy ?? cryptoEntropy);
}

function argumentValue(
  arg: IntrinsicArg,
  ctx: EvaluationContext,
  field: string | undefined,
): JsonValue {
  switch (arg.type) {
    case 'literal':
      return arg.value;
    case 'call':
      return evaluateIntrinsic(arg.call, ctx, field);
    case 'path': {
      const result = queryPath(arg.path, ctx);
      if (result.found) return cloneJson(result.value);
      const where = field === undefined ? '' : ` specified for the field '${field}'`;
      const searched = result.searched === undefined ? result.reason : toJsonText(result.searched);
      throw new StatesError(
        STATES_RUNTIME,
        `The JSONPath '${arg.path.source}'${where} could not be found in the input '${searched}'`,
      );
    }
  }
}
