// Peer contender: ml-matrix (plain JavaScript, float64 rows). The result is a Matrix of JS arrays: nothing to read back.
import { Matrix } from 'ml-matrix';

/** Prepares C = A B for an M x K and a K x N float32 matrix; the returned function runs it once. */
export function mlMatrixGemm(M, K, N, A, B) {
  const a = Matrix.from1DArray(M, K, A);
  const b = Matrix.from1DArray(K, N, B);
  return () => a.mmul(b);
}
