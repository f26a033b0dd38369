/**
 * IPv4/IPv6 addresses and CIDR blocks for `cidr` conditions. Addresses are parsed strictly
 * (dotted quad without leading zeros; RFC 4291 text form with one optional `::` and an optional
 * trailing dotted quad; no zone ids) into a BigInt, so one containment test serves both families.
 */
export interface CidrBlock {
  readonly version: 4 | 6;
  /** The network address with host bits cleared. */
  readonly network: bigint;
  readonly prefixLength: number;
}

export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

const DEC_OCTET = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!DEC_OCTET.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] ?? '';
    if (i === parts.length - 1 && p.includes('.')) {
      const v4 = parseIpv4(p);
      if (v4 === null) return null;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(p)) {
      groups.push(BigInt(parseInt(p, 16)));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let v = 0n;
  for (const g of [...head, ...new Array<bigint>(missing).fill(0n), ...tail]) v = (v << 16n) | g;
  return v;
}

export function parseIpAddress(text: string): IpAddress | null {
  if (text.length > 45) return null;
  if (text.includes(':')) {
    const v = parseIpv6(text);
    return v === null ? null : { version: 6, value: v };
  }
  const v = parseIpv4(text);
  return v === null ? null : { version: 4, value: v };
}

function bitsOf(version: 4 | 6): number {
  return version === 4 ? 32 : 128;
}

/** Builds a block from an address and a prefix length; null when the length is out of range. */
export function cidrBlock(address: IpAddress, prefixLength: number): CidrBlock | null {
  const bits = bitsOf(address.version);
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > bits) return null;
  const shift = BigInt(bits - prefixLength);
  return { version: address.version, network: (address.value >> shift) << shift, prefixLength };
}

export function cidrContains(block: CidrBlock, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const ip = parseIpAddress(value);
  if (ip === null || ip.version !== block.version) return false;
  const shift = BigInt(bitsOf(block.version) - block.prefixLength);
  return ip.value >> shift === block.network >> shift;
}

export function cidrKey(block: CidrBlock): string {
  return `${block.version}:${block.network.toString(16)}/${block.prefixLength}`;
}
