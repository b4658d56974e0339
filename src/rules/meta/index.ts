import type { RuleMeta } from '../../core/types.js';
import { meta as MCG900 } from './MCG900-suppression-without-reason.js';
import { meta as MCG990 } from './MCG990-scanner-error.js';
import { meta as MCG991 } from './MCG991-unreadable-input.js';
import { meta as MCG992 } from './MCG992-suppression-of-unchecked.js';
import { meta as MCG994 } from './MCG994-read-differently-by-compose.js';

export const metaRuleMetas: readonly RuleMeta[] = [MCG900, MCG990, MCG991, MCG992, MCG994];
