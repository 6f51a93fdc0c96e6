/** The Apps Script shell: the only code that touches SpreadsheetApp, PropertiesService, LockService, HtmlService. src/main.ts forwards to `entry`. */
export type { SettingsInput } from '../core';
export * from './entry';
export type { Preview, ScoreReport } from './report';
export type { ColumnInfo, PreviewData, SentCell, SidebarState } from './sidebar-state';
export type { LookalikeReport } from './lookalike-column';
export type { OrdersReport } from './orders-sheet';
export type { SidebarCard, SidebarProfit } from './report-card-sheet';
export type { LearnReport, NextTierReport } from './learn-next';
export type { PinReport } from './pins';
