import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEntryUrl, appProtocolResponse, isAppUrl, privilegedSchemes } from '../../../../main/app/appProtocol';
import { contentSecurityPolicy } from '../../../../shared/contentSecurityPolicy';
import { makeTempDir } from '../../../support/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let rendererDir: string;

beforeAll(() => {
  dir = makeTempDir();
  rendererDir = join(dir.path, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Cadence</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the renderer');
});
afterAll(() => dir.remove());

describe('app protocol', () => {
  it('is a standard, secure scheme that cannot bypass the CSP', () => {
    expect(privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'cadence',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) as unknown,
      }),
    ]);
  });

  it('recognises only its own host', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('cadence://app/assets/app.js')).toBe(true);
    expect(isAppUrl('cadence://evil/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('::')).toBe(false);
  });

  it('serves the built page with the CSP header', async () => {
    const response = await appProtocolResponse(rendererDir, appEntryUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    await expect(response.text()).resolves.toContain('<title>Cadence</title>');
  });

  it('serves scripts with their type', async () => {
    const response = await appProtocolResponse(rendererDir, 'cadence://app/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'cadence://app/../secret.txt',
    'cadence://app/%2e%2e/secret.txt',
    'cadence://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'cadence://app/missing.js',
    'cadence://other/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await appProtocolResponse(rendererDir, url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});
