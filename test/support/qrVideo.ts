import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';

const width = 640;
const height = 480;
/** Pixels per QR module: large enough for a reader to find it in a webcam-sized frame. */
const moduleSize = 8;

/**
 * Writes a one-frame Y4M video of a QR code holding `text`, black on white, for Chromium's fake
 * camera (`--use-file-for-fake-video-capture`), which plays it in a loop.
 */
export async function writeQrVideo(text: string, file: string): Promise<void> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
  prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  });
  const { symbol, error } = await writeBarcode(text, { format: 'QRCode', scale: 1 });
  if (error !== '') throw new Error(`No QR code for "${text}": ${error}`);
  const luma = Buffer.alloc(width * height, 255);
  const left = Math.floor((width - symbol.width * moduleSize) / 2);
  const top = Math.floor((height - symbol.height * moduleSize) / 2);
  for (let row = 0; row < symbol.height; row += 1) {
    for (let column = 0; column < symbol.width; column += 1) {
      if (symbol.data[row * symbol.width + column] !== 0) continue;
      for (let y = 0; y < moduleSize; y += 1) {
        const start = (top + row * moduleSize + y) * width + left + column * moduleSize;
        luma.fill(0, start, start + moduleSize);
      }
    }
  }
  // Grey chroma: the picture is black and white.
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const header = `YUV4MPEG2 W${String(width)} H${String(height)} F30:1 Ip A1:1 C420jpeg\nFRAME\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header), luma, chroma]));
}
