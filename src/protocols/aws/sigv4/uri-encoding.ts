/**
 * Percent-encoding for SigV4 canonical forms (RFC 3986: only `A-Z a-z 0-9 - . _ ~` stay bare,
 * every other byte becomes `%XX` with upper-case hex).
 *
 * Strings handed to us by Node's HTTP parser are byte strings: each char below U+0100 is one
 * raw byte (latin1). Chars at or above U+0100 can only come from callers that build requests
 * in memory; those are encoded as UTF-8 (a lone surrogate becomes U+FFFD), so nothing here
 * ever throws, unlike `encodeURIComponent`/`decodeURIComponent`.
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** ENCODED[b] is byte b in canonical form: the bare char if unreserved, else `%XX`. */
const ENCODED: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  const c = String.fromCharCode(b);
  return UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
});

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 65 && c <= 70) return c - 55; // A-F
  if (c >= 97 && c <= 102) return c - 87; // a-f
  return -1;
}

/**
 * Emits the UTF-8 bytes of the code point starting at s[i] (which is >= U+0100); returns how
 * many UTF-16 code units were consumed (1 or 2).
 */
function emitUtf8(s: string, i: number, emit: (byte: number) => void): number {
  const c = s.charCodeAt(i);
  let cp = c;
  let used = 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (d >= 0xdc00 && d <= 0xdfff) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      used = 2;
    } else cp = 0xfffd;
  } else if (c >= 0xdc00 && c <= 0xdfff) cp = 0xfffd;
  if (cp < 0x800) {
    emit(0xc0 | (cp >> 6));
    emit(0x80 | (cp & 63));
  } else if (cp < 0x10000) {
    emit(0xe0 | (cp >> 12));
    emit(0x80 | ((cp >> 6) & 63));
    emit(0x80 | (cp & 63));
  } else {
    emit(0xf0 | (cp >> 18));
    emit(0x80 | ((cp >> 12) & 63));
    emit(0x80 | ((cp >> 6) & 63));
    emit(0x80 | (cp & 63));
  }
  return used;
}

/**
 * Encodes every byte of `s` that is not unreserved, `%` included (so an already-encoded
 * path is encoded a second time, as SigV4 requires for every service except S3).
 */
export function encodeAll(s: string): string {
  if (UNRESERVED.test(s)) return s;
  let out = '';
  const emit = (b: number): void => {
    out += ENCODED[b];
  };
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c < 256) {
      out += ENCODED[c];
      i++;
    } else i += emitUtf8(s, i, emit);
  }
  return out;
}

/** Is the byte unreserved (so its canonical form is the bare character)? */
const isUnreservedByte = (b: number): boolean => ENCODED[b]!.length === 1;

/** True when `raw` is already canonical: unreserved chars and upper-case `%XX` of others. */
function isCanonical(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 37) {
      const hi = raw.charCodeAt(i + 1);
      const lo = raw.charCodeAt(i + 2);
      const upperHex = (x: number) => (x >= 48 && x <= 57) || (x >= 65 && x <= 70);
      if (!upperHex(hi) || !upperHex(lo) || isUnreservedByte((hexValue(hi) << 4) | hexValue(lo)))
        return false;
      i += 2;
    } else if (c >= 256 || !isUnreservedByte(c)) return false;
  }
  return true;
}

/**
 * Normalises one raw query key or value to its canonical form: `%XX` escapes are decoded to
 * their byte and every byte is re-encoded (so `%7e` becomes `~`, `%2f` becomes `%2F`, a bare
 * `+` becomes `%2B`, and a `%` that starts no valid escape becomes `%25`).
 */
export function normalizeComponent(raw: string): string {
  if (isCanonical(raw)) return raw;
  let out = '';
  const emit = (b: number): void => {
    out += ENCODED[b];
  };
  for (let i = 0; i < raw.length;) {
    const c = raw.charCodeAt(i);
    if (c === 37 && i + 2 < raw.length) {
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out += ENCODED[(hi << 4) | lo];
        i += 3;
        continue;
      }
    }
    if (c < 256) {
      out += ENCODED[c];
      i++;
    } else i += emitUtf8(raw, i, emit);
  }
  return out;
}

/** Decodes a canonical (normalised) component to a byte string (one char per byte). */
export function decodeComponent(canonical: string): string {
  if (!canonical.includes('%')) return canonical;
  let out = '';
  for (let i = 0; i < canonical.length;) {
    const c = canonical.charCodeAt(i);
    if (c === 37 && i + 2 < canonical.length) {
      const hi = hexValue(canonical.charCodeAt(i + 1));
      const lo = hexValue(canonical.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out += String.fromCharCode((hi << 4) | lo);
        i += 3;
        continue;
      }
    }
    out += canonical[i];
    i++;
  }
  return out;
}
