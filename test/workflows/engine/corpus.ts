/** The whole conformance corpus. */
import { BASIC_CASES } from './corpus-basic.js';
import { JSONATA_CASES } from './corpus-jsonata.js';
import { NESTED_CASES } from './corpus-nested.js';
import { TASK_CASES } from './corpus-tasks.js';
import type { Case } from './corpus-types.js';

export const CORPUS: Case[] = [...BASIC_CASES, ...TASK_CASES, ...NESTED_CASES, ...JSONATA_CASES];
