// Every case of test/fixtures/conformance.json for the tensor operations, one test per case.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { conv2d, convTranspose2d } from '../../src/engine/conv';
import { maxPool2d, avgPool2d } from '../../src/engine/pool';
import { batchNorm, layerNorm, instanceNorm, groupNorm } from '../../src/engine/norm';
import type { Tensor } from '../../src/engine/tensor';

interface Blob {
  shape: number[];
  data: number[];
}
interface Case {
  id: string;
  op: string;
  params: Record<string, unknown>;
  inputs: Record<string, Blob>;
  expected: Record<string, Blob>;
  tolerance: number;
}

const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/conformance.json', import.meta.url)), 'utf8'),
) as { cases: Case[] };

const t = (b: Blob): Tensor => ({ shape: [...b.shape], data: Float32Array.from(b.data) });
const vec = (b: Blob | undefined): Float32Array | undefined => (b ? Float32Array.from(b.data) : undefined);

/** Runs one case and returns every named result (a tensor or a vector). */
function run(c: Case): Record<string, Tensor | Float32Array | undefined> {
  const i = c.inputs;
  const p = c.params as never;
  const affine = { gamma: vec(i.gamma), beta: vec(i.beta) };
  switch (c.op) {
    case 'conv2d':
      return { output: conv2d(t(i.input!), t(i.weight!), vec(i.bias), p) };
    case 'convTranspose2d':
      return { output: convTranspose2d(t(i.input!), t(i.weight!), vec(i.bias), p) };
    case 'maxPool2d':
      return { output: maxPool2d(t(i.input!), p) };
    case 'avgPool2d':
      return { output: avgPool2d(t(i.input!), p) };
    case 'batchNorm':
      return {
        ...batchNorm(t(i.input!), {
          ...(c.params as object),
          ...affine,
          runningMean: vec(i.runningMean),
          runningVar: vec(i.runningVar),
        }),
      };
    case 'layerNorm':
      return { ...layerNorm(t(i.input!), { ...(c.params as object), ...affine }) };
    case 'instanceNorm':
      return { ...instanceNorm(t(i.input!), { ...(c.params as object), ...affine }) };
    case 'groupNorm':
      return { ...groupNorm(t(i.input!), { ...(c.params as { groups: number }), ...affine }) };
    default:
      throw new Error(`no runner for op ${c.op}`);
  }
}

const OPS = [
  'conv2d',
  'convTranspose2d',
  'maxPool2d',
  'avgPool2d',
  'batchNorm',
  'layerNorm',
  'instanceNorm',
  'groupNorm',
];
const cases = fixture.cases.filter((c) => OPS.includes(c.op));

describe('conformance fixtures for the tensor operations', () => {
  it('the fixture holds cases for every tensor operation', () => {
    for (const op of OPS)
      expect(
        cases.some((c) => c.op === op),
        op,
      ).toBe(true);
  });

  for (const c of cases) {
    it(`${c.op} matches the reference for case "${c.id}"`, () => {
      const got = run(c);
      for (const [name, want] of Object.entries(c.expected)) {
        const value = got[name];
        expect(value, `${c.id}: result "${name}" is missing`).toBeDefined();
        const data = value instanceof Float32Array ? value : value!.data;
        if (!(value instanceof Float32Array))
          expect(value!.shape, `${c.id}: ${name}.shape`).toEqual(want.shape);
        expect(data.length, `${c.id}: ${name} length`).toBe(want.data.length);
        for (let k = 0; k < want.data.length; k++) {
          const e = want.data[k]!;
          const err = Math.abs(data[k]! - e);
          if (err > c.tolerance * Math.max(1, Math.abs(e))) {
            expect.fail(`${c.id}: ${name}[${k}] = ${data[k]} but expected ${e} (tolerance ${c.tolerance})`);
          }
        }
      }
    });
  }
});
