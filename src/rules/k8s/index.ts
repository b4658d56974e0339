/** The k8s rules, in id order. Each lives in its own file with its metadata. */
import type { RuleMeta } from '../../core/types.js';
import type { K8sRule } from '../yaml-types.js';
import { rule as MCG201 } from './MCG201-run-as-non-root.js';
import { rule as MCG202 } from './MCG202-allow-privilege-escalation.js';
import { rule as MCG203 } from './MCG203-read-only-root-filesystem.js';
import { rule as MCG204 } from './MCG204-drop-all-capabilities.js';
import { rule as MCG205 } from './MCG205-dangerous-capabilities.js';
import { rule as MCG206 } from './MCG206-memory-limit.js';
import { rule as MCG207 } from './MCG207-probes.js';
import { rule as MCG208 } from './MCG208-runtime-socket.js';
import { rule as MCG209 } from './MCG209-host-namespaces.js';
import { rule as MCG210 } from './MCG210-privileged.js';
import { rule as MCG211 } from './MCG211-automount-service-account-token.js';
import { rule as MCG212 } from './MCG212-image-latest.js';
import { rule as MCG213 } from './MCG213-env-secret-literal.js';
import { rule as MCG214 } from './MCG214-inline-secret.js';

export const k8sRules: readonly K8sRule[] = [MCG201, MCG202, MCG203, MCG204, MCG205, MCG206, MCG207, MCG208, MCG209, MCG210, MCG211, MCG212, MCG213, MCG214];

export const k8sRuleMetas: readonly RuleMeta[] = k8sRules.map((r) => r.meta);
