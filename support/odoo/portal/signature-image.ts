import { crc32, deflateSync } from 'node:zlib';

/** Size of the drawn signature, as the portal's signature pad makes it (a wide, low strip). */
export const SIGNATURE_WIDTH = 300;
export const SIGNATURE_HEIGHT = 80;

/**
 * A signature as the portal's signature pad sends it (a PNG, base64, no
 * "data:" prefix): a pen stroke whose shape follows the signer's name, so
 * two signers' images differ. Odoo checks only that it is an image.
 */
export function drawnSignature(signer: string): string {
  const ink = new Uint8Array(SIGNATURE_WIDTH * SIGNATURE_HEIGHT).fill(255);
  const codes = [...signer].map((c) => c.codePointAt(0) ?? 0);
  const heightAt = (x: number) => {
    const code = codes[Math.floor((x / SIGNATURE_WIDTH) * codes.length)] ?? 0;
    return Math.round(SIGNATURE_HEIGHT / 2 + Math.sin(x / 6 + code) * (10 + (code % 20)));
  };
  for (let x = 10; x < SIGNATURE_WIDTH - 10; x += 1) {
    const from = heightAt(x);
    const to = heightAt(x + 1);
    for (let y = Math.min(from, to) - 1; y <= Math.max(from, to) + 1; y += 1) {
      if (y >= 0 && y < SIGNATURE_HEIGHT) ink[y * SIGNATURE_WIDTH + x] = 0;
    }
  }
  return grayscalePng(ink, SIGNATURE_WIDTH, SIGNATURE_HEIGHT).toString('base64');
}

/** An 8-bit grayscale PNG of the pixels (row by row, 0 black, 255 white). */
export function grayscalePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, grayscale, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, checksum]);
}
