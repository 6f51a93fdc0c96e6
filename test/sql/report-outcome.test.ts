import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/core';
import { outcomeAt, reportSqlText } from '../../src/sql/report';

const headers = ['Account', 'Revenue', 'Won', 'Result 2026'];

describe('the SQL report card picks the outcome as the report card does', () => {
  it('the column asked for, else the settings mapping, else the first outcome header', () => {
    expect(outcomeAt(headers, parseSettings({}), 'result 2026')).toBe(3);
    expect(outcomeAt(headers, parseSettings({ roles: { 'Result 2026': 'outcome' } }))).toBe(3);
    expect(outcomeAt(headers, parseSettings({}))).toBe(2);
    expect(() => outcomeAt(['Account', 'Revenue'], parseSettings({}))).toThrow('No outcome column among the columns (Account, Revenue)');
  });

  it('names the column it read in the query’s comment line', () => {
    const text = reportSqlText(headers, parseSettings({ roles: { 'Result 2026': 'outcome' } }), { table: 't', dialect: 'duckdb' });
    expect(text).toContain('-- ABM Tier: report card by tier (outcome "Result 2026")');
  });
});
