import { describe, expect, it } from 'vitest';
import { formatBytes, rule } from '../../../src/rules/image/MCG054-image-size-budget.js';
import { imageRuleTable } from '../../support/image-rule-table.js';

const GiB = 1024 ** 3;

imageRuleTable(rule, {
  fires: [
    { name: 'above the default 1 GiB', dockerfile: 'FROM python:3.12\nRUN pip install torch\n', image: { size: 2.5 * GiB }, lines: [1], message: '2.5 GiB' },
    { name: 'above a configured budget', dockerfile: 'FROM node:22\n', image: { size: 300 * 1024 * 1024, sizeBudget: 200 * 1024 * 1024 }, lines: [1], message: 'budget of 200.0 MiB' },
    { name: 'multi-stage: on the final FROM', dockerfile: 'FROM golang AS b\nFROM ubuntu:24.04\nCOPY --from=b /x /x\n', image: { size: GiB + 1 }, lines: [2] },
  ],
  passes: [
    { name: 'small image', dockerfile: 'FROM alpine\n', image: { size: 10 * 1024 * 1024 } },
    { name: 'exactly at the budget', dockerfile: 'FROM alpine\n', image: { size: GiB } },
    { name: 'large image under a raised budget', dockerfile: 'FROM python:3.12\n', image: { size: 3 * GiB, sizeBudget: 4 * GiB } },
  ],
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});
