import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // The QR reader's WebAssembly: compiled while it streams in only when served as such.
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface Asset {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the built renderer by URL path, for either host; `/` is `index.html`. Returns undefined for
 * anything outside `root`, missing, or not a regular file.
 */
export async function readAsset(root: string, urlPath: string): Promise<Asset | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return {
      body: await readFile(file),
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
