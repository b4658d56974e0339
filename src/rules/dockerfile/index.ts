/** The Dockerfile rules, in id order. Each lives in its own file with its metadata. */
import type { DockerfileRule } from '../types.js';
import { rule as MCG001 } from './MCG001-root-user.js';
import { rule as MCG011 } from './MCG011-remote-code-at-build.js';
import { rule as MCG012 } from './MCG012-fetch-at-start.js';
import { rule as MCG013 } from './MCG013-shell-form-start.js';
import { rule as MCG014 } from './MCG014-context-secrets-copied.js';
import { rule as MCG015 } from './MCG015-privileged-port.js';
import { rule as MCG016 } from './MCG016-healthcheck-tool-missing.js';
import { rule as MCG017 } from './MCG017-python-unbuffered.js';
import { rule as MCG018 } from './MCG018-pip-no-cache-dir.js';
import { rule as MCG019 } from './MCG019-copy-before-install.js';

export const dockerfileRules: readonly DockerfileRule[] = [
  MCG001,
  MCG011,
  MCG012,
  MCG013,
  MCG014,
  MCG015,
  MCG016,
  MCG017,
  MCG018,
  MCG019,
];
