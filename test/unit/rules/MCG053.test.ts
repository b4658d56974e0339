import { rule } from '../../../src/rules/image/MCG053-setuid-files.js';
import { imageRuleTable } from '../../support/image-rule-table.js';

imageRuleTable(rule, {
  fires: [
    { name: 'setuid binaries from the base image', dockerfile: 'FROM debian:bookworm-slim\nUSER 1000\n', image: { setuid: ['/usr/bin/su', '/usr/bin/passwd'] }, lines: [1], message: '/usr/bin/passwd, /usr/bin/su' },
    {
      name: 'setuid added by a RUN and from the base: two sites',
      dockerfile: 'FROM debian:bookworm-slim\nRUN apt-get install -y sudo\n',
      image: { setuid: ['/usr/bin/su', '/usr/bin/sudo@2'] },
      lines: [1, 2],
    },
    {
      name: 'multi-stage with ARG base: COPY --from brings a setuid file',
      dockerfile: 'ARG B=debian:bookworm-slim\nFROM ${B} AS b\nFROM scratch\nCOPY --from=b /usr/bin/newgrp /usr/bin/newgrp\n',
      image: { setuid: ['/usr/bin/newgrp@4'] },
      lines: [4],
    },
  ],
  passes: [
    { name: 'no special bits', dockerfile: 'FROM debian:bookworm-slim\n', image: { paths: ['/usr/bin/su', '/bin/ls'] } },
    { name: 'scratch', dockerfile: 'FROM scratch\nCOPY s /s\n', image: { paths: ['/s@2'] } },
    { name: 'bits stripped in the final stage (files keep mode 0755)', dockerfile: 'FROM debian\nRUN find / -perm /6000 -type f -exec chmod a-s {} +\n', image: { paths: ['/usr/bin/su@2'] } },
  ],
});
