/** The shape of one storage operation as the worker runs it: synchronous, inside a savepoint. */
import type { OpContext } from '../op-context.js';
import type { OpName, OpParams, OpResult } from '../worker-protocol.js';

export type OpHandler<K extends OpName> = (ctx: OpContext, p: OpParams<K>) => OpResult<K>;

export type OpTable = { [K in OpName]: OpHandler<K> };
