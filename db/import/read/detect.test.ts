import { describe, expect, it } from 'vitest';
import { detectSeparator } from './delimiter';
import { guessEncoding, sniff } from './detect';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('sniff', () => {
  it('tells formats by their first bytes', () => {
    expect(sniff(new Uint8Array(0))).toEqual({ kind: 'empty' });
    expect(sniff(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toEqual({ kind: 'zip' });
    expect(sniff(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toEqual({ kind: 'ole2' });
    expect(sniff(Buffer.from('地区,金额\n北京,1\n'))).toEqual({ kind: 'text' });
  });

  it('refuses binary, UTF-16 and markup with a sentence naming what it is', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toMatchObject({ kind: 'refused', expected: expect.stringContaining('PDF') });
    expect(sniff(bytes(0xff, 0xfe, 0x61, 0))).toMatchObject({ kind: 'refused', expected: expect.stringContaining('UTF-16') });
    expect(sniff(Buffer.from('a,b\n\0\0'))).toMatchObject({ kind: 'refused', expected: expect.stringContaining('binary') });
    expect(sniff(Buffer.from('\uFEFF <html><table>'))).toMatchObject({ kind: 'refused', expected: expect.stringContaining('HTML') });
  });
});

describe('guessEncoding', () => {
  it('prefers a BOM, then valid UTF-8, then GB18030', () => {
    expect(guessEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8' });
    expect(guessEncoding(Buffer.from('北京,1'))).toEqual({ encoding: 'utf-8' });
    expect(guessEncoding(bytes(0xb1, 0xb1, 0xbe, 0xa9, 0x2c, 0x31))).toEqual({ encoding: 'gb18030' }); // 北京,1 in GBK
    expect(guessEncoding(bytes(0x61, 0xff, 0xff))).toMatchObject({ refused: expect.any(String) });
  });

  it('does not take a character cut at the sample boundary for invalid bytes', () => {
    expect(guessEncoding(Buffer.from('北京').subarray(0, 4))).toEqual({ encoding: 'utf-8' });
  });
});

describe('detectSeparator', () => {
  it('finds comma, tab, semicolon and the NBS "\\t," pair', () => {
    expect(detectSeparator('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectSeparator('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectSeparator('region;amount\n北京;1,5\n天津;2,25\n')).toBe(';');
    expect(detectSeparator('数据库：分省年度数据 \n时间：2024年 \n地区\t,2024年\t,\n北京市\t,1\t,\n注：a,b,c,d\n')).toBe('\t,');
  });

  it('looks past a preamble and ignores separators inside quotes', () => {
    expect(detectSeparator('数据库：分省年度数据\n指标：地区生产总值(亿元)\n地区,2024年,2023年\n北京市,1,2\n天津市,3,4\n')).toBe(',');
    expect(detectSeparator('"a,b,c";x\n"d,e,f";y\n')).toBe(';');
  });

  it('defaults to comma for one column', () => {
    expect(detectSeparator('a\nb\n')).toBe(',');
  });
});
