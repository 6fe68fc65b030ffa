/** Just enough of an EBML (Matroska/WebM) writer to build test recordings. */

export const EBML_UNKNOWN_SIZE = Symbol("unknown size");

export function concat(parts: readonly Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An element ID already carries its length marker, so it is written as its bytes. */
function idBytes(id: number) {
  const bytes: number[] = [];
  for (let rest = id; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.from(bytes);
}

/** A size as the shortest variable-length integer that holds it. */
function sizeBytes(size: number) {
  let length = 1;
  while (size >= 2 ** (7 * length) - 1) length++;
  const out = new Uint8Array(length);
  let rest = size;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

/** An element; `EBML_UNKNOWN_SIZE` writes the "size unknown" marker live recorders use. */
export function ebml(id: number, children: readonly Uint8Array[], size?: typeof EBML_UNKNOWN_SIZE) {
  const body = concat(children);
  const header = size === EBML_UNKNOWN_SIZE ? Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff) : sizeBytes(body.length);
  return concat([idBytes(id), header, body]);
}

export function ebmlUint(id: number, value: number) {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return ebml(id, [Uint8Array.from(bytes.length ? bytes : [0])]);
}

export function ebmlFloat(id: number, value: number) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return ebml(id, [bytes]);
}

export const ebmlString = (id: number, value: string) => ebml(id, [new TextEncoder().encode(value)]);
