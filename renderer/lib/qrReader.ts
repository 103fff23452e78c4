import zxingReaderWasm from 'zxing-wasm/reader/zxing_reader.wasm?url';

/** Reads the QR codes in a picture (a video frame, an image), answering each code's text. */
export interface QrReader {
  read: (source: ImageBitmapSource) => Promise<string[]>;
}

interface DetectorLike {
  detect: (source: ImageBitmapSource) => Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): DetectorLike;
  getSupportedFormats: () => Promise<string[]>;
}

/** Chromium's own BarcodeDetector, where it has one that reads QR codes (not on Linux desktops). */
async function nativeDetector(): Promise<DetectorLike | undefined> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native === undefined) return undefined;
  const formats = await native.getSupportedFormats().catch((): string[] => []);
  return formats.includes('qr_code') ? new native({ formats: ['qr_code'] }) : undefined;
}

/**
 * The ZXing ponyfill, with its WebAssembly file served by the app itself: never a CDN, which the
 * Content-Security-Policy forbids and a venue without a network could not reach.
 */
async function ponyfillDetector(): Promise<DetectorLike> {
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasm : prefix + path),
    },
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/** The best QR reader this browser has. */
export async function createQrReader(): Promise<QrReader> {
  const detector = (await nativeDetector()) ?? (await ponyfillDetector());
  return {
    async read(source) {
      const codes = await detector.detect(source);
      return codes.map((code) => code.rawValue).filter((text) => text.trim() !== '');
    },
  };
}
