import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  contentSecurityPolicyDirectives,
  metaContentSecurityPolicy,
} from '../../../shared/contentSecurityPolicy';

describe('content security policy', () => {
  it('denies by default and allows only the app itself', () => {
    expect(contentSecurityPolicyDirectives['default-src']).toBe("'none'");
    expect(contentSecurityPolicyDirectives['script-src']).toBe("'self' 'wasm-unsafe-eval'");
    for (const directive of ['style-src', 'connect-src', 'font-src']) {
      expect(contentSecurityPolicyDirectives[directive]).toBe("'self'");
    }
    expect(contentSecurityPolicyDirectives['object-src']).toBe("'none'");
    expect(contentSecurityPolicyDirectives['base-uri']).toBe("'none'");
    expect(contentSecurityPolicyDirectives['frame-ancestors']).toBe("'none'");
  });

  it('allows no inline code, eval or remote origin anywhere; only compiling WebAssembly the app serves', () => {
    expect(contentSecurityPolicy.replace(" 'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|https?:|\*|blob:/);
    expect(contentSecurityPolicy.match(/unsafe-/g)).toHaveLength(1);
  });

  it('leaves frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors');
    expect(metaContentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});
