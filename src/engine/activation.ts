/** Element-wise activation functions. */
import { checkTensor } from './gemm';
import type { Tensor } from './tensor';

/**
 * Rectified linear unit, max(0, x) element-wise, for a tensor of any rank; returns a new tensor of the
 * same shape (zero stays zero, −0 becomes 0). Throws an `EngineError` naming `input` for a malformed
 * tensor or non-finite values.
 */
export function relu(input: Tensor): Tensor {
  const shape = checkTensor(input, 'input');
  const x = input.data;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    out[i] = v > 0 ? v : 0;
  }
  return { shape: [...shape], data: out };
}
