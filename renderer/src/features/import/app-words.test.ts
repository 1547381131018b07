import { describe, expect, it } from 'vitest';
import { inAppWords, pickLanguage } from './app-words';

describe('importer messages on screen', () => {
  const unit = '列「教育支出」没有单位：表头应含“（万元）”等，或用 --unit 声明 / no unit; declare it with --unit';
  it('show one language', () => {
    expect(pickLanguage(unit, 'zh')).toBe('列「教育支出」没有单位：表头应含“（万元）”等，或用 --unit 声明');
    expect(pickLanguage(unit, 'en')).toBe('no unit; declare it with --unit');
    expect(pickLanguage('应为 GBK/GB18030', 'en')).toBe('应为 GBK/GB18030');
  });
  it('name the field to set, never a command-line option', () => {
    expect(inAppWords(unit, 'zh')).toBe('列「教育支出」没有单位：表头应含“（万元）”等，或在“数值单位”中选择');
    expect(inAppWords(unit, 'en')).toBe('no unit; choose it under "Unit of values"');
    const enc = '此处的字节不是有效的 UTF-8 文本；如文件为 GBK/GB18030 编码（中文 Excel 默认），请将文本编码选为 GB18030（--encoding gb18030），否则请另存为「CSV UTF-8」 / bytes here are not valid UTF-8; if the file is GBK, choose the GB18030 encoding (--encoding gb18030), otherwise save it as "CSV UTF-8"';
    expect(inAppWords(enc, 'zh')).not.toMatch(/--/);
    expect(inAppWords(enc, 'en')).toContain('"Text encoding": GB18030');
    for (const lang of ['zh', 'en'] as const) {
      expect(inAppWords('缺少必需字段「金额」(amount)：请检查表头，或用 --map amount=列名 指定 / required field amount has no column', lang)).not.toMatch(/--/);
      expect(inAppWords('长表：请用 --where 选择“教育”行 / long table: choose the education rows with --where', lang)).not.toMatch(/--/);
    }
  });
});
