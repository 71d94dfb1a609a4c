export type * from './model/flag.js';
export { OPERATORS } from './model/flag.js';
export type * from './model/segment.js';
export type * from './model/context.js';
export type * from './model/snapshot.js';
export type * from './model/result.js';
