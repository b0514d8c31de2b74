import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A database handle or an open transaction: every storage function accepts either. */
export type Executor = Kysely<DB>;
