/** The MCP launch and publication rules (MCG5xx), in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { McpRule } from './types.js';
import { rule as MCG501 } from './MCG501-privileged.js';
import { rule as MCG502 } from './MCG502-host-mount.js';
import { rule as MCG503 } from './MCG503-host-namespaces.js';
import { rule as MCG504 } from './MCG504-dangerous-cap-add.js';
import { rule as MCG505 } from './MCG505-security-opt-disabled.js';
import { rule as MCG506 } from './MCG506-root-user.js';
import { rule as MCG507 } from './MCG507-image-latest.js';
import { rule as MCG508 } from './MCG508-image-undigested.js';
import { rule as MCG509 } from './MCG509-pull-always-mutable.js';
import { rule as MCG510 } from './MCG510-inline-secret.js';
import { rule as MCG511 } from './MCG511-stdio-without-interactive.js';
import { rule as MCG512 } from './MCG512-no-rm.js';
import { rule as MCG513 } from './MCG513-fetch-at-launch.js';
import { rule as MCG514 } from './MCG514-least-privilege-profile.js';
import { rule as MCG520 } from './MCG520-server-json-schema.js';
import { rule as MCG521 } from './MCG521-secret-default.js';
import { rule as MCG522 } from './MCG522-oci-registry-not-accepted.js';
import { rule as MCG523 } from './MCG523-ownership-label.js';
import { rule as MCG524 } from './MCG524-version-mismatch.js';

export const mcpRules: readonly McpRule[] = [MCG501, MCG502, MCG503, MCG504, MCG505, MCG506, MCG507, MCG508, MCG509, MCG510, MCG511, MCG512, MCG513, MCG514, MCG520, MCG521, MCG522, MCG523, MCG524];

export const mcpRuleMetas: readonly RuleMeta[] = mcpRules.map((r) => r.meta);
