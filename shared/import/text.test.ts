import { describe, expect, it } from 'vitest';
import { cellAddress, columnIndex, columnLetter, rangeAddress } from './address';
import { cleanLabel, parseNumber, splitBilingual } from './text';
import { splitHeaderUnit, unitFromText, unitFromUnitRow } from './unitText';

describe('labels and numbers as statistical tables print them', () => {
  it('drops padding and line breaks inside Chinese words, keeps spaces between English words', () => {
    expect(cleanLabel('郑  州  市')).toBe('郑州市');
    expect(cleanLabel('年末常\n住人口\n(万人)')).toBe('年末常住人口(万人)');
    expect(cleanLabel('全省 Total')).toBe('全省 Total');
    expect(cleanLabel('Gross  Domestic\nProduct')).toBe('Gross Domestic Product');
    expect(cleanLabel('（亿元）')).toBe('(亿元)');
  });

  it('splits a bilingual header into its Chinese and English names', () => {
    expect(splitBilingual('地区生产总值\nGross Domestic Product')).toEqual({ zh: '地区生产总值', en: 'Gross Domestic Product' });
    expect(splitBilingual('市  别 City')).toEqual({ zh: '市别', en: 'City' });
  });

  it('reads numbers stored as text, full-width digits, thousands separators and float noise', () => {
    expect(parseNumber('5198.20')).toEqual({ kind: 'number', value: 5198.2, isPercent: false });
    expect(parseNumber('１２３.５')).toEqual({ kind: 'number', value: 123.5, isPercent: false });
    expect(parseNumber('1,234,567.8')).toEqual({ kind: 'number', value: 1234567.8, isPercent: false });
    expect(parseNumber(87435.12999999999)).toEqual({ kind: 'number', value: 87435.13, isPercent: false });
    expect(parseNumber('−3.2')).toEqual({ kind: 'number', value: -3.2, isPercent: false });
    expect(parseNumber('9.3%')).toEqual({ kind: 'number', value: 9.3, isPercent: true });
  });

  it('treats dashes and withheld marks as no figure, and other text as text', () => {
    for (const empty of ['', '—', '-', '…', '...', 'x', '/', null]) expect(parseNumber(empty), String(empty)).toEqual({ kind: 'empty' });
    expect(parseNumber('约50')).toEqual({ kind: 'text', text: '约50' });
    expect(parseNumber('12..5')).toEqual({ kind: 'text', text: '12..5' });
  });

  it('writes addresses as a user reads them', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(26)).toBe('AA');
    expect(columnIndex('AB')).toBe(27);
    expect(cellAddress('Sheet1', 6, 1)).toBe('Sheet1!B7');
    expect(cellAddress('17-2 各市', 3, 2)).toBe("'17-2 各市'!C4");
    expect(rangeAddress('表1', 3, 2, 13, 2)).toBe('表1!C4:C14');
  });
});

describe('units in headers and unit rows', () => {
  it('takes the unit out of a header, also from a bracket that is never closed', () => {
    expect(splitHeaderUnit('生产总值\n(亿元)')).toEqual({ name: '生产总值', unit: '亿元' });
    expect(splitHeaderUnit('一般公共预算收入 （亿元')).toEqual({ name: '一般公共预算收入', unit: '亿元' });
    expect(splitHeaderUnit('年末常住人口（万人）')).toEqual({ name: '年末常住人口', unit: '万人' });
    expect(splitHeaderUnit('Per Capita GDP(yuan)')).toEqual({ name: 'Per Capita GDP', unit: '元' });
    expect(splitHeaderUnit('比上年增长%')).toEqual({ name: '比上年增长', unit: '%' });
    expect(splitHeaderUnit('研发投入(含R&D)')).toEqual({ name: '研发投入(含R&D)', unit: null });
  });

  it('reads the unit a title or unit row declares for the table', () => {
    expect(unitFromUnitRow('单位：亿元')).toBe('亿元');
    expect(unitFromUnitRow('本表按当年价格计算,单位:亿元')).toBe('亿元');
    expect(unitFromUnitRow('(at current price,100 million yuan)')).toBe('亿元');
    expect(unitFromUnitRow('单位: 万吨标准煤')).toBe('万吨标准煤');
    expect(unitFromUnitRow('17-2 各市国民经济主要指标（2020年）')).toBeUndefined();
    expect(unitFromText('10 000 persons')).toBe('万人');
  });
});

describe('units an import meets', () => {
  it('converts people and money within their dimension, never yuan into dollars', async () => {
    const { convert } = await import('../units');
    expect(convert(250.8, '万人', '人')).toEqual({ ok: true, value: 2508000 });
    expect(convert(4717.8, '万元', '亿元')).toEqual({ ok: true, value: 0.47178 });
    expect(convert(19.76, '亿美元', '亿元')).toMatchObject({ ok: false, reason: 'DIMENSION_MISMATCH' });
  });
});
