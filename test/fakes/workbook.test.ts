import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from './workbook';

describe('the in-memory Sheets fake behaves as Sheets does where the shell relies on it', () => {
  it('refuses setValues whose size does not match the range, as Sheets does', () => {
    const book = new FakeSpreadsheet({ S: [['a']] });
    const range = book.sheet('S').getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => range.setValues([[1], [2]])).toThrow(/number of columns in the data does not match/u);
  });

  it('reads A1 notation, whole columns and open ranges', () => {
    const sheet = new FakeSpreadsheet({ S: [['a']] }).sheet('S');
    expect(sheet.getRange('B2:D5').getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange('C:C').getNumRows()).toBe(1000);
    expect(sheet.getRange('B2:F').getNumRows()).toBe(999);
    expect(sheet.getRange('AB3').getColumn()).toBe(28);
  });

  it('moves column metadata when columns are inserted before it', () => {
    const sheet = new FakeSpreadsheet({ S: [['a', 'b', 'c']] }).sheet('S');
    sheet.getRange('C:C').addDeveloperMetadata('k', 'v');
    sheet.insertColumnsAfter(1, 2);
    const [md] = sheet.createDeveloperMetadataFinder().withKey('k').find();
    expect(md.getLocation().getColumn()!.getColumn()).toBe(5);
    expect(sheet.snapshot().values[0]).toEqual(['a', '', '', 'b', 'c']);
  });

  it('shares one document lock between sessions and refuses property values over 9 KB', () => {
    const book = new FakeSpreadsheet({});
    const me = book.session('me').services;
    const other = book.session('other').services;
    expect(me.lock.getDocumentLock().tryLock(1000)).toBe(true);
    expect(other.lock.getDocumentLock().tryLock(1000)).toBe(false);
    me.lock.getDocumentLock().releaseLock();
    expect(other.lock.getDocumentLock().tryLock(1000)).toBe(true);
    expect(() => me.properties.getDocumentProperties().setProperty('k', 'x'.repeat(10_000))).toThrow('Argument too large: value');
  });

  it('counts the calls that reach the document, one per call whatever the size', () => {
    const book = new FakeSpreadsheet({ S: Array.from({ length: 5000 }, (_, i) => [i, i]) });
    book.calls.reset();
    book.sheet('S').getDataRange().getValues();
    expect(book.calls.total).toBe(2);
    expect(book.calls.byMethod).toEqual({ 'Sheet.getDataRange': 1, 'Range.getValues': 1 });
  });
});
