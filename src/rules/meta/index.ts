import type { RuleMeta } from '../../core/types.js';
import { meta as MCG900 } from '../../core/meta-rules/MCG900-suppression-without-reason.js';
import { meta as MCG990 } from '../../core/meta-rules/MCG990-scanner-error.js';
import { meta as MCG991 } from '../../core/meta-rules/MCG991-unreadable-input.js';
import { meta as MCG993 } from '../../core/meta-rules/MCG993-read-differently-by-kubectl.js';
import { meta as MCG994 } from './MCG994-read-differently-by-compose.js';
import { meta as MCG995 } from '../../core/meta-rules/MCG995-suppression-of-unchecked.js';

export const metaRuleMetas: readonly RuleMeta[] = [MCG900, MCG990, MCG991, MCG993, MCG994, MCG995];
