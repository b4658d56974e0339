/** The compose rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { ComposeRule } from '../yaml-types.js';
import { rule as MCG101 } from './MCG101-privileged.js';
import { rule as MCG102 } from './MCG102-docker-socket.js';
import { rule as MCG103 } from './MCG103-cap-drop-all.js';
import { rule as MCG104 } from './MCG104-dangerous-cap-add.js';
import { rule as MCG105 } from './MCG105-no-new-privileges.js';
import { rule as MCG106 } from './MCG106-read-only.js';
import { rule as MCG107 } from './MCG107-memory-limit.js';
import { rule as MCG108 } from './MCG108-port-all-interfaces.js';
import { rule as MCG109 } from './MCG109-env-secret-literal.js';
import { rule as MCG110 } from './MCG110-host-namespaces.js';
import { rule as MCG111 } from './MCG111-root-user.js';
import { rule as MCG112 } from './MCG112-image-latest.js';
import { rule as MCG113 } from './MCG113-log-rotation.js';

export const composeRules: readonly ComposeRule[] = [MCG101, MCG102, MCG103, MCG104, MCG105, MCG106, MCG107, MCG108, MCG109, MCG110, MCG111, MCG112, MCG113];

export const composeRuleMetas: readonly RuleMeta[] = composeRules.map((r) => r.meta);
