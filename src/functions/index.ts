/** The custom functions: thin adapters from Sheets' 2-D arrays to the engine and back. */
export { abmDrivers } from './abmdrivers';
export { abmHealth } from './abmhealth';
export { abmLtv } from './abmltv';
export { abmProfit } from './abmprofit';
export { abmProgram } from './abmprogram';
export { abmScore } from './abmscore';
export { abmSegment } from './abmsegment';
export { abmTier } from './abmtier';
export { abmKpi } from './abmkpi';
export { abmLookalike } from './abmlookalike';
export { abmRfm } from './abmrfm';
export { abmReport, reportTable } from './abmreport';
