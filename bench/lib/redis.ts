/**
 * A few raw RESP commands to the machine's Redis (no client library): is it reachable, which
 * version, and does it keep anything on disk (RDB `save` points, AOF) — the durability BullMQ's
 * figure is bought with.
 */
import net from 'node:net';

/** Sends one command and returns the raw reply text (enough for simple and bulk replies). */
export function redisCommand(port: number, args: string[], timeoutMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply from redis on 127.0.0.1:${port} in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      socket.write(
        `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (complete(reply)) {
        clearTimeout(timer);
        socket.end();
        resolve(reply);
      }
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Good enough for the replies used here: +OK, -ERR, $bulk, *array of bulks, :int. */
function complete(reply: string): boolean {
  if (/^[+\-:]/.test(reply)) return reply.endsWith('\r\n');
  if (reply.startsWith('$')) {
    const m = /^\$(-?\d+)\r\n/.exec(reply);
    if (!m) return false;
    const len = Number(m[1]);
    return len < 0 || Buffer.byteLength(reply) >= m[0].length + len + 2;
  }
  if (reply.startsWith('*')) {
    const m = /^\*(-?\d+)\r\n/.exec(reply);
    if (!m) return false;
    const items = Number(m[1]);
    if (items <= 0) return true;
    let rest = reply.slice(m[0].length);
    for (let i = 0; i < items; i++) {
      const b = /^\$(-?\d+)\r\n/.exec(rest);
      if (!b) return false;
      const len = Number(b[1]);
      const need = b[0].length + (len < 0 ? 0 : len + 2);
      if (rest.length < need) return false;
      rest = rest.slice(need);
    }
    return true;
  }
  return false;
}

function bulkValues(reply: string): string[] {
  return reply
    .split('\r\n')
    .filter((line, i) => i > 0 && !line.startsWith('$') && !line.startsWith('*'));
}

export interface RedisInfo {
  version: string | null;
  save: string | null;
  appendonly: string | null;
}

/** Null when Redis does not answer PING; otherwise what it reports about itself. */
export async function redisProbe(
  port: number,
): Promise<{ ok: true; info: RedisInfo } | { ok: false; reason: string }> {
  try {
    const pong = await redisCommand(port, ['PING']);
    if (!pong.startsWith('+PONG'))
      return { ok: false, reason: `redis on 127.0.0.1:${port} answered ${pong.trim()}` };
  } catch (e) {
    return { ok: false, reason: `redis unreachable on 127.0.0.1:${port}: ${(e as Error).message}` };
  }
  const info: RedisInfo = { version: null, save: null, appendonly: null };
  try {
    const server = await redisCommand(port, ['INFO', 'server']);
    info.version = /redis_version:([^\r\n]+)/.exec(server)?.[1] ?? null;
    const save = bulkValues(await redisCommand(port, ['CONFIG', 'GET', 'save']));
    info.save = save[1] ?? null;
    const aof = bulkValues(await redisCommand(port, ['CONFIG', 'GET', 'appendonly']));
    info.appendonly = aof[1] ?? null;
  } catch {
    // CONFIG may be disabled (rename-command); leave the fields null.
  }
  return { ok: true, info };
}
