/** Just enough of an Ogg page writer to build test recordings. */
import { concat } from "./ebml-writer.js";

/** Ogg's CRC-32: polynomial 0x04C11DB7, no reflection, zero start, no final XOR. */
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

function oggCrc(bytes: Uint8Array) {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

/** One page holding whole packets (each shorter than 255 bytes, so one lacing value each). */
export function oggPage({ serial, sequence, granule, packets, first = false, last = false }: { serial: number; sequence: number; granule: bigint; packets: readonly Uint8Array[]; first?: boolean; last?: boolean }) {
  const lacing: number[] = [];
  for (const packet of packets) {
    for (let rest = packet.length; ; rest -= 255) {
      lacing.push(Math.min(rest, 255));
      if (rest < 255) break;
    }
  }
  const header = new Uint8Array(27 + lacing.length);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode("OggS"), 0);
  header[5] = (first ? 0x02 : 0) | (last ? 0x04 : 0);
  view.setBigUint64(6, granule, true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  header[26] = lacing.length;
  header.set(lacing, 27);
  const page = concat([header, ...packets]);
  new DataView(page.buffer).setUint32(22, oggCrc(page), true);
  return page;
}
