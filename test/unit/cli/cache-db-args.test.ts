/** `mcg scan --cache-from/--cache-to/--db-repository/--java-db-repository/--max-db-age` (issue #23). */
import { describe, expect, it } from 'vitest';
import { parseScan } from '../../../src/cli/args-scan.js';
import { CliUsageError } from '../../../src/cli/commands.js';

describe('mcg scan cache and DB flags', () => {
  it('repeatable, in order, one value per flag', () => {
    const c = parseScan(['--cache-from', 'type=local,src=/c', '--cache-from', 'type=gha,scope=x', '--cache-to', 'type=local,dest=/c,mode=max', '--db-repository', 'm1.example/db:2', '--db-repository', 'm2.example/db:2', '--java-db-repository', 'j.example/jdb:1', '--max-db-age', '24', '.']);
    expect(c.cacheFrom).toEqual(['type=local,src=/c', 'type=gha,scope=x']);
    expect(c.cacheTo).toEqual(['type=local,dest=/c,mode=max']);
    expect(c.trivyDb).toEqual({ repositories: ['m1.example/db:2', 'm2.example/db:2'], javaRepositories: ['j.example/jdb:1'], maxAgeHours: 24 });
  });
  it('none given: no cache, no mirrors', () => {
    const c = parseScan(['.']);
    expect([c.cacheFrom, c.cacheTo, c.trivyDb]).toEqual([[], [], { repositories: [], javaRepositories: [], maxAgeHours: undefined }]);
  });
  it.each([
    [['--cache-from', 'src=/c'], /--cache-from: .*no type=/],
    [['--cache-to', 'type=local'], /--cache-to: type=local needs/],
    [['--db-repository', 'not a repo'], /not an OCI repository/],
    [['--max-db-age', '0'], /hours/],
  ])('%j is a usage error', (args, why) => {
    expect(() => parseScan([...args, '.'])).toThrow(CliUsageError);
    expect(() => parseScan([...args, '.'])).toThrow(why);
  });
});
