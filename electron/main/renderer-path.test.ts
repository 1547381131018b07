import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, rendererFileFor } from './renderer-path';

const root = '/srv/wb/dist/renderer';

describe('rendererFileFor', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-BbNVeeW5.js', 'assets/index-BbNVeeW5.js'],
    ['/assets/%E5%9B%BE.png', 'assets/图.png'],
    // Extra leading slashes are not a way out: the path is still taken relative to root.
    ['//etc/passwd', 'etc/passwd'],
  ])('maps %j inside the renderer', (urlPath, relative) => {
    expect(rendererFileFor(root, urlPath)).toBe(join(root, relative));
  });

  it.each([
    ['/../x'],
    ['/%2e%2e/x'],
    ['/%2E%2E/x'],
    ['/..%2fx'],
    ['/..%2Fx'],
    ['/a/../../x'],
    ['/a/..'],
    ['/..'],
    ['/assets/%00.js'],
    ['/assets/a\0.js'],
    ['/a%5c..%5cx'],
    ['/a\\..\\x'],
    ['/%252e%252e/x'],
    ['/%E0%A4%A'],
  ])('refuses %j', (urlPath) => {
    expect(rendererFileFor(root, urlPath)).toBeNull();
  });

  it('never returns the root folder itself', () => {
    expect(rendererFileFor(root, '/.')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types a module script and its styles need, and nothing is sniffed', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.bin')).toBe('application/octet-stream');
  });
});
