import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n';
import { menuCreateTemplate, menuRemoveColours } from '../../src/sheet/menu';
import { FakeSpreadsheet } from '../fakes/workbook';

/** The menu's actions speak the language of the spreadsheet they were given, not of whatever Apps Script's globals hold. */
describe('the menu in a Thai spreadsheet', () => {
  it('Remove tier colours says in Thai that there were none', () => {
    const book = new FakeSpreadsheet({ Accounts: [['Account', 'Revenue']] }, 'th_TH');
    menuRemoveColours(book.session().services);
    expect(book.toasts).toEqual([t('th', 'msg.noColoursToast')]);
  });

  it('Create template says in Thai which sheets it added', () => {
    const book = new FakeSpreadsheet({ Notes: [['x']] }, 'th_TH');
    menuCreateTemplate(book.session().services);
    expect(book.toasts).toHaveLength(1);
    expect(book.toasts[0]).toContain(t('th', 'msg.templateAdded').split(' {sheets}')[0]);
    expect(book.toasts[0]).not.toContain('Added');
  });
});
