// Peer contender: ndarray-gemm on float32 ndarrays; it writes into a C made beforehand (its API), so the timed call
// is the product alone.
import ndarray from 'ndarray';
import gemm from 'ndarray-gemm';

/** Prepares C = A B for an M x K and a K x N float32 matrix; the returned function runs it once. */
export function ndarrayGemm(M, K, N, A, B) {
  const a = ndarray(A, [M, K]);
  const b = ndarray(B, [K, N]);
  const c = ndarray(new Float32Array(M * N), [M, N]);
  return () => gemm(c, a, b);
}
