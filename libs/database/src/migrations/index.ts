import { Foundation1764000000000 } from './1764000000000-foundation';
import { Proposals1764100000000 } from './1764100000000-proposals';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Foundation1764000000000, Proposals1764100000000];
