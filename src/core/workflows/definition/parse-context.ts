/**
 * State shared by one parse: the diagnostic sink, the machine's query language (nested scopes
 * inherit the machine's language, not the enclosing Map/Parallel state's — measured against AWS
 * by floci-io/floci#2968), the registry of state names and Map labels (both unique across the
 * whole machine), and the transition graph of every scope, checked once all states are read.
 */
import type { DiagnosticSink } from './diagnostics.js';
import type { ObjectReader } from './object-reader.js';
import type { StateScope } from './state-types.js';
import type { JsonObject, QueryLanguage } from './types.js';

/** A transition out of a state, wherever it is written (Next, Default, Choices, Catch). */
export interface GraphEdge {
  target: string;
  location: string;
}

export interface GraphNode {
  location: string;
  edges: GraphEdge[];
  /** `End: true`, Succeed or Fail. */
  terminal: boolean;
}

/** One StartAt/States container, recorded even when its states are invalid. */
export interface ScopeGraph {
  /** `/` for the machine, `/States/P/Branches[0]`, `/States/M/ItemProcessor`... */
  location: string;
  startAt?: string;
  nodes: Map<string, GraphNode>;
}

export interface ParseContext {
  sink: DiagnosticSink;
  machineLanguage: QueryLanguage;
  duplicateKeys: WeakMap<JsonObject, string[]>;
  /** State name → location of its first declaration. */
  stateNames: Map<string, string>;
  /** Map Label → location of its first use. */
  labels: Map<string, string>;
  scopes: ScopeGraph[];
  /**
   * Parses a nested StartAt/States container (Parallel branch, Map processor); injected by
   * `parse-scope.ts` so the state parsers need not import it back (no module cycle).
   */
  readScope: (reader: ObjectReader, extraFields: readonly string[]) => StateScope | undefined;
}
