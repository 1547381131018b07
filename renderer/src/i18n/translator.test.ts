import { describe, expect, it } from 'vitest';
import { interpolate, translator } from './translator';

describe('translator', () => {
  const t = translator({ zh: { hello: '你好，{name}' }, en: { hello: 'Hello, {name}' } });

  it('picks the language and fills placeholders', () => {
    expect(t('zh')('hello', { name: '张三' })).toBe('你好，张三');
    expect(t('en')('hello', { name: 'Li' })).toBe('Hello, Li');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
