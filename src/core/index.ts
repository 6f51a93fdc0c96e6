/** The engine's public surface: plain values in, plain values out; nothing here knows of Google. */
export * from './analyse';
export * from './columns';
export * from './drivers';
export * from './grid';
export * from './health';
export * from './kpis';
export * from './ltv';
export * from './parse-cell';
export * from './percentile';
export * from './profitability';
export * from './programs';
export * from './roles';
export * from './round';
export * from './score';
export * from './settings';
export * from './table';
export * from './tiers';
