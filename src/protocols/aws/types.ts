/**
 * Shapes shared by the AWS protocol edge: the raw request as the HTTP layer hands it over, the
 * authenticated caller, and the neutral response the HTTP layer writes back.
 */

export interface RawRequest {
  method: string;
  /** Path plus raw query string, exactly as received. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  requestId: string;
}

export interface Caller {
  accountId: string;
  region: string;
  /** The access key id that signed the request (AWS SenderId for unsigned dev use: the account). */
  accessKeyId: string;
}

export interface EdgeResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** What an operation handler receives besides its input. */
export interface OperationContext {
  caller: Caller;
  requestId: string;
  /** The URL path the request was posted to (query protocol posts may name the queue there). */
  path: string;
  /** Aborted when the server shuts down: long polls return empty at once. */
  signal: AbortSignal;
}
