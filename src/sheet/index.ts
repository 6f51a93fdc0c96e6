/** The Apps Script shell: the only code that touches SpreadsheetApp, PropertiesService, LockService, HtmlService. */
export type { SettingsInput } from '../core';
export { buildMenu, menuCreateTemplate, menuRemoveColours, menuScore, openSidebar, userMessage } from './menu';
export type { Preview, ScoreReport } from './report';
export { previewSheet, scoreSheet } from './score-sheet';
export { sidebarState, type ColumnInfo, type SidebarState } from './sidebar-state';
export { removeActiveColours } from './tier-colours';
export { findLookalikes, type LookalikeReport } from './lookalike-column';
export { buildAccountsSheet, buildRfmSheet, type OrdersReport } from './orders-sheet';
export { documentLabels, menuLanguage } from './function-labels';
