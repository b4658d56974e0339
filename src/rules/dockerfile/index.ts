/** The Dockerfile rules, in id order. Each lives in its own file with its metadata. */
import type { DockerfileRule } from '../types.js';
import { rule as MCG001 } from './MCG001-root-user.js';
import { rule as MCG002 } from './MCG002-full-base-image.js';
import { rule as MCG003 } from './MCG003-unpinned-digest.js';
import { rule as MCG004 } from './MCG004-latest-tag.js';
import { rule as MCG005 } from './MCG005-no-healthcheck.js';
import { rule as MCG006 } from './MCG006-dev-dependencies.js';
import { rule as MCG007 } from './MCG007-apt-recommends.js';
import { rule as MCG008 } from './MCG008-package-cache.js';
import { rule as MCG009 } from './MCG009-literal-secret.js';
import { rule as MCG010 } from './MCG010-secret-build-arg.js';
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
  MCG002,
  MCG003,
  MCG004,
  MCG005,
  MCG006,
  MCG007,
  MCG008,
  MCG009,
  MCG010,
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
