import { MessageError } from '../core';
import { render, translator, type Lang, type Said } from '../i18n';
import { UserError } from './analyse-sheet';
import { scoreSheet } from './score-sheet';
import type { Services } from './apps-script';
import { menuLanguage } from './function-labels';
import { createTemplate } from './template';
import { removeActiveColours } from './tier-colours';

/** The add-on menu and what its items do. onOpen runs unauthorised: it only builds the menu. */

export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'ABM Tier';

export function buildMenu(services: Services, lang: Lang = 'en'): void {
  const say = translator(lang);
  services.spreadsheetApp
    .getUi()
    .createAddonMenu()
    .addItem(say('menu.open'), 'showSidebar')
    .addItem(say('menu.score'), 'menuScoreSheet')
    .addSeparator()
    .addItem(say('menu.removeColours'), 'menuRemoveTierColours')
    .addItem(say('menu.template'), 'menuCreateTemplate')
    .addToUi();
}

export function openSidebar(services: Services): void {
  const html = services.html.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  services.spreadsheetApp.getUi().showSidebar(html);
}

/** A message a person can act on: ours as written; anything unexpected named plainly, no stack trace. */
export function userMessage(error: unknown, services?: Services): string {
  if (error instanceof UserError) return error.message;
  // The engine's own refusals (settings, orders) that reach here: in the spreadsheet's language.
  if (error instanceof MessageError) return render(menuLanguage(services), error.said as Said);
  const text = error instanceof Error ? error.message : String(error);
  return `ABM Tier could not finish: ${text}`;
}

/** "Score sheet" from the menu: re-runs with the saved settings and says the outcome in a toast. */
export function menuScore(services: Services): void {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  try {
    const report = scoreSheet(services);
    const say = translator(report.lang);
    const tiers = report.tiers.map((t) => `${t.accounts} ${t.label}`).join(', ');
    const problems = report.errorCount ? ` ${say('msg.problemsToast', { count: report.errorCount })}` : '';
    ss.toast(`${say('msg.scoredToast', { count: report.scored, tiers })}${problems}`, SIDEBAR_TITLE, 8);
  } catch (error) {
    services.spreadsheetApp.getUi().alert(userMessage(error, services));
  }
}

export function menuRemoveColours(services: Services): void {
  const ss = services.spreadsheetApp.getActiveSpreadsheet();
  try {
    const removed = removeActiveColours(services);
    const say = translator(menuLanguage(services));
    ss.toast(removed ? say('msg.coloursRemovedToast') : say('msg.noColoursToast'), SIDEBAR_TITLE, 5);
  } catch (error) {
    services.spreadsheetApp.getUi().alert(userMessage(error, services));
  }
}

/** "Create template": the sample sheets, or an alert saying which sheet is in the way. */
export function menuCreateTemplate(services: Services): void {
  const say = translator(menuLanguage(services));
  try {
    const made = createTemplate(services, say);
    services.spreadsheetApp.getActiveSpreadsheet().toast(say('msg.templateAdded', { sheets: made.map((m) => `"${m}"`).join(' + ') }), SIDEBAR_TITLE, 8);
  } catch (error) {
    services.spreadsheetApp.getUi().alert(userMessage(error, services));
  }
}
