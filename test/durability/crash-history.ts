/**
 * The crash test's history and its checker.
 *
 * The workload records every client-visible event of a run — sends, receives, deletes — with
 * a logical clock (`tick`, strictly increasing in this single-threaded process, so "response
 * A arrived before request B started" is exact) and the wall clock where the server's own
 * clock matters (visibility timeouts). `checkHistory` then proves, from the client's view only:
 *
 * 1. lost: every *acknowledged* send (the client got a success response) was received at least
 *    once over the whole run (during the kill cycles or in the final drain);
 * 2. reappeared: no message whose delete was acknowledged *while its receipt handle was
 *    certainly the latest* is returned by a receive that started after that acknowledgement;
 * 3. FIFO order: within a group, a message is never delivered while an earlier existing message
 *    of the group is neither deleted (a delete attempt started before the delivery's response)
 *    nor ahead of it in the same response.
 *
 * Which delete counts for (2): SQS lets a delete with a stale handle (the message was received
 * again since) succeed without deleting anything. A handle from a receive that *started* at
 * wall time `t` with visibility `v` cannot be stale before `t + v` — the server sets the
 * message invisible until at least then — so an acknowledgement that arrived before
 * `t + v − margin` is "effective": the message must be gone. Later acknowledgements are
 * reported ("late") but prove nothing, and a failed delete (connection reset by a kill) is
 * "unknown".
 *
 * Everything here is pure, so the checker has unit tests on fabricated histories (it must be
 * able to fail: one lost message → lost = 1).
 */

export type QueueKind = 'standard' | 'fifo';

/** acked: success response; unknown: the request failed (kill) — may or may not exist;
 *  rejected: the server answered with a per-entry failure — does not exist. */
export type SendStatus = 'acked' | 'unknown' | 'rejected';
export type DeleteStatus = 'acked' | 'unknown' | 'rejected';

export interface SendRecord {
  /** Unique id carried in the body (the body starts with it). */
  id: string;
  queue: QueueKind;
  group?: string;
  /** Position within the group, in send order (FIFO only). */
  groupSeq?: number;
  status: SendStatus;
  messageId?: string;
  startTick: number;
  endTick: number;
  /** Server generation (process incarnation) the request went to. */
  gen: number;
}

export interface ReceivedItem {
  id: string;
  messageId: string;
  receiptHandle: string;
}

export interface ReceiveRecord {
  /** Index in `History.receives`. */
  index: number;
  queue: QueueKind;
  startTick: number;
  endTick: number;
  startWall: number;
  visibilityTimeoutSeconds: number;
  messages: ReceivedItem[];
  drain: boolean;
  gen: number;
}

export interface DeleteRecord {
  queue: QueueKind;
  id: string;
  /** The receive that produced the handle. */
  receiveIndex: number;
  status: DeleteStatus;
  /** Acked before the handle could possibly have gone stale (see the module doc). */
  effective: boolean;
  startTick: number;
  endTick: number;
  endWall: number;
  batch: boolean;
  gen: number;
}

export interface History {
  sends: SendRecord[];
  receives: ReceiveRecord[];
  deletes: DeleteRecord[];
}

/** Safety margin (ms) between an effective delete's acknowledgement and its handle's expiry. */
export const EFFECTIVE_DELETE_MARGIN_MS = 100;

/** Records a history; the one logical clock every record is stamped with. */
export class HistoryRecorder {
  private tickCounter = 0;
  readonly history: History = { sends: [], receives: [], deletes: [] };

  tick(): number {
    return ++this.tickCounter;
  }

  send(rec: SendRecord): void {
    this.history.sends.push(rec);
  }

  receive(rec: Omit<ReceiveRecord, 'index'>): ReceiveRecord {
    const full = { ...rec, index: this.history.receives.length };
    this.history.receives.push(full);
    return full;
  }

  delete(
    rec: Omit<DeleteRecord, 'effective'>,
    receive: Pick<ReceiveRecord, 'startWall' | 'visibilityTimeoutSeconds'>,
  ): DeleteRecord {
    const deadline =
      receive.startWall + receive.visibilityTimeoutSeconds * 1000 - EFFECTIVE_DELETE_MARGIN_MS;
    const full = { ...rec, effective: rec.status === 'acked' && rec.endWall < deadline };
    this.history.deletes.push(full);
    return full;
  }
}

export interface Finding {
  id: string;
  detail: string;
}

export interface CheckReport {
  acknowledgedSends: number;
  unknownSends: number;
  /** Unknown sends that turned out to have been committed (received at some point). */
  unknownSendsReceived: number;
  rejectedSends: number;
  /** Distinct messages received. */
  receivedMessages: number;
  /** Deliveries (every message in every receive response). */
  deliveries: number;
  /** Deliveries beyond the first of each message: redelivery after crashes/visibility expiry. */
  duplicateDeliveries: number;
  receivesInDrain: number;
  deletesAcked: number;
  deletesEffective: number;
  /** Effective deletes whose handle came from an earlier server process: handles survive kill -9. */
  deletesEffectiveAcrossRestart: number;
  deletesLate: number;
  deletesUnknown: number;
  deletesRejected: number;
  lost: Finding[];
  reappeared: Finding[];
  fifoOrderViolations: Finding[];
  /** Received bodies that no send produced (or whose send was rejected). */
  phantoms: Finding[];
  /** Received message id differs from the one the acknowledged send returned. */
  messageIdMismatches: Finding[];
}

export function checkHistory(h: History): CheckReport {
  const sends = new Map<string, SendRecord>();
  for (const s of h.sends) sends.set(s.id, s);

  // Deliveries per message id, in history order.
  const deliveries = new Map<
    string,
    { receive: ReceiveRecord; position: number; item: ReceivedItem }[]
  >();
  let deliveryCount = 0;
  for (const r of h.receives) {
    r.messages.forEach((item, position) => {
      deliveryCount++;
      const list = deliveries.get(item.id) ?? [];
      list.push({ receive: r, position, item });
      deliveries.set(item.id, list);
    });
  }

  const lost: Finding[] = [];
  const phantoms: Finding[] = [];
  const messageIdMismatches: Finding[] = [];
  let unknownSendsReceived = 0;
  for (const s of sends.values()) {
    const got = deliveries.get(s.id);
    if (s.status === 'acked' && !got) {
      lost.push({
        id: s.id,
        detail: `acked send (gen ${s.gen}, tick ${s.endTick}, messageId ${s.messageId}) never received`,
      });
    }
    if (s.status === 'unknown' && got) unknownSendsReceived++;
    if (s.status === 'acked' && got) {
      for (const d of got) {
        if (d.item.messageId !== s.messageId) {
          messageIdMismatches.push({
            id: s.id,
            detail: `sent as ${s.messageId}, received as ${d.item.messageId}`,
          });
        }
      }
    }
  }
  for (const [id, got] of deliveries) {
    const s = sends.get(id);
    if (!s || s.status === 'rejected') {
      phantoms.push({
        id,
        detail: `received ${got.length}× but ${s ? 'its send was rejected' : 'never sent'}`,
      });
    }
  }

  // (2) No delivery after an effective delete's acknowledgement.
  const reappeared: Finding[] = [];
  for (const d of h.deletes) {
    if (!d.effective) continue;
    const again = (deliveries.get(d.id) ?? []).filter((x) => x.receive.startTick > d.endTick);
    if (again.length > 0) {
      const first = again[0]!.receive;
      reappeared.push({
        id: d.id,
        detail:
          `delete acked at tick ${d.endTick} (gen ${d.gen}, handle from receive #${d.receiveIndex}), ` +
          `received again ${again.length}× — first by receive #${first.index} (gen ${first.gen}, tick ${first.startTick}${first.drain ? ', drain' : ''})`,
      });
    }
  }

  // (3) FIFO order per group.
  const firstDeleteStart = new Map<string, number>();
  for (const d of h.deletes) {
    const prev = firstDeleteStart.get(d.id);
    if (prev === undefined || d.startTick < prev) firstDeleteStart.set(d.id, d.startTick);
  }
  const groups = new Map<string, SendRecord[]>();
  for (const s of sends.values()) {
    if (s.queue !== 'fifo' || s.group === undefined || s.groupSeq === undefined) continue;
    const exists = s.status === 'acked' || (s.status === 'unknown' && deliveries.has(s.id));
    if (!exists) continue;
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  // Per group, in send order: when each message's first delete attempt started, the running
  // maximum of that (so most deliveries are checked in O(1)), and each message's position.
  const groupIndex = new Map<string, { list: SendRecord[]; del: number[]; prefMax: number[] }>();
  const positionInGroup = new Map<string, number>();
  for (const [group, list] of groups) {
    list.sort((a, b) => a.groupSeq! - b.groupSeq!);
    const del = list.map((s) => firstDeleteStart.get(s.id) ?? Infinity);
    const prefMax: number[] = [];
    del.forEach((d, i) => prefMax.push(Math.max(d, i > 0 ? prefMax[i - 1]! : -Infinity)));
    list.forEach((s, i) => positionInGroup.set(s.id, i));
    groupIndex.set(group, { list, del, prefMax });
  }
  const fifoOrderViolations: Finding[] = [];
  for (const r of h.receives) {
    if (r.queue !== 'fifo') continue;
    const inResponse = new Map<string, number>();
    r.messages.forEach((m, i) => inResponse.set(m.id, i));
    r.messages.forEach((m, position) => {
      const s = sends.get(m.id);
      const k = positionInGroup.get(m.id);
      if (!s || s.group === undefined || k === undefined) return;
      const g = groupIndex.get(s.group)!;
      // Walk back over earlier messages until every remaining one was deleted before this
      // response arrived; each must be deleted before it or ahead of it in this response.
      for (let i = k - 1; i >= 0 && g.prefMax[i]! >= r.endTick; i--) {
        const earlier = g.list[i]!;
        if (g.del[i]! < r.endTick) continue;
        if ((inResponse.get(earlier.id) ?? Infinity) < position) continue;
        fifoOrderViolations.push({
          id: m.id,
          detail:
            `group ${s.group}: #${s.groupSeq} delivered by receive #${r.index} (gen ${r.gen}${r.drain ? ', drain' : ''}) ` +
            `while earlier #${earlier.groupSeq} (${earlier.id}, ${earlier.status}) was neither deleted nor ahead of it`,
        });
        break;
      }
    });
  }

  const count = <T>(xs: T[], p: (x: T) => boolean) => xs.reduce((n, x) => n + (p(x) ? 1 : 0), 0);
  return {
    acknowledgedSends: count(h.sends, (s) => s.status === 'acked'),
    unknownSends: count(h.sends, (s) => s.status === 'unknown'),
    unknownSendsReceived,
    rejectedSends: count(h.sends, (s) => s.status === 'rejected'),
    receivedMessages: deliveries.size,
    deliveries: deliveryCount,
    duplicateDeliveries: deliveryCount - deliveries.size,
    receivesInDrain: count(h.receives, (r) => r.drain && r.messages.length > 0),
    deletesAcked: count(h.deletes, (d) => d.status === 'acked'),
    deletesEffective: count(h.deletes, (d) => d.effective),
    deletesEffectiveAcrossRestart: count(
      h.deletes,
      (d) => d.effective && h.receives[d.receiveIndex]?.gen !== d.gen,
    ),
    deletesLate: count(h.deletes, (d) => d.status === 'acked' && !d.effective),
    deletesUnknown: count(h.deletes, (d) => d.status === 'unknown'),
    deletesRejected: count(h.deletes, (d) => d.status === 'rejected'),
    lost,
    reappeared,
    fifoOrderViolations,
    phantoms,
    messageIdMismatches,
  };
}
