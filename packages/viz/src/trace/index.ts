export type { AttentionTrace } from './AttentionTrace.js';
export type { HeadStatRecord } from './HeadStatRecord.js';
