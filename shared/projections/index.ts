/** What-if growth projections: pure math, the scenario schema and the briefing, for core and the renderer. */
export * from './outcome';
export * from './rates';
export * from './compound';
export * from './target';
export * from './share';
export * from './catchUp';
export * from './contribution';
export * from './rank';
export * from './sensitivity';
export * from './scenarios';
export * from './history';
export * from './schema';
export { runProjection, SELF_KEY } from './run';
export { briefingFor, contributionSentences } from './briefing';
