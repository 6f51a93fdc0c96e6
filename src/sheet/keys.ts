/** Names the add-on leaves in a spreadsheet: developer-metadata keys, property keys, sheet names. */

/** On each output column; the value names which output it is. */
export const OUTPUT_COLUMN_KEY = 'abmTier.output';
/** On the summary sheet, so a user's own sheet of the same name is never taken for ours. */
export const SUMMARY_SHEET_KEY = 'abmTier.summary';
export const SUMMARY_SHEET_NAME = 'ABM Summary';
/** Document property holding the settings everyone on the sheet scores with. */
export const SETTINGS_PROPERTY = 'abmTier.settings';
/** Document property listing the conditional-format formulas that are ours, so only those are replaced. */
export const RULES_PROPERTY = 'abmTier.rules';

/** The output columns, in order (versions before issue 18 wrote the first five, without Grid). */
export const OUTPUTS = ['Score', 'Tier', 'Segment', 'ABM program', 'Drivers', 'Grid'] as const;
export type OutputName = (typeof OUTPUTS)[number];

/** The hidden sheet of past runs, and the document property that says where the next run goes. */
export const HISTORY_SHEET_NAME = 'ABM History';
export const HISTORY_PROPERTY = 'abmTier.history';
/** On the history sheet, so a user's own sheet of that name is never taken for ours. */
export const HISTORY_SHEET_KEY = 'abmTier.historySheet';
/** Document property naming our summary sheet and its layout version. */
export const SUMMARY_PROPERTY = 'abmTier.summary';
