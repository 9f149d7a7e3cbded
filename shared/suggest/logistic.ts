/**
 * A small L2-regularised logistic regression: fitting (for the training
 * script and the leave-one-document-out evaluation) and scoring (at run
 * time). Written here rather than taken from a package because it is a few
 * lines of arithmetic over a few hundred rows and a few dozen features, and
 * it must be pure and deterministic so that the committed weights can be
 * re-derived exactly by the training script.
 */

/** A fitted model: one weight per feature and a bias. */
export interface LogisticModel {
  weights: number[];
  bias: number;
}

/** The logistic function, clamped against overflow. */
export function sigmoid(z: number): number {
  if (z < -40) return 0;
  if (z > 40) return 1;
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability for one feature vector. */
/**
 * The trained check-worthiness model: weights in FEATURE_NAMES order, bias,
 * and the decision threshold. Declared here, beside the model it extends, so
 * that the generated weights file and the suggester both depend on this
 * module and not on each other.
 */
export interface ClaimModel extends LogisticModel {
  threshold: number;
}

export function predict(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i]! * (x[i] ?? 0);
  return sigmoid(z);
}

/**
 * Fit by full-batch gradient descent on the mean log-loss plus
 * `l2 / 2 * |w|²` (the bias is not penalised). Deterministic: same rows, same
 * weights. `rows` and `labels` must have the same length; an empty set gives
 * zero weights.
 */
export function fitLogistic(
  rows: ReadonlyArray<ArrayLike<number>>,
  labels: ReadonlyArray<0 | 1>,
  opts: { l2?: number; iterations?: number; rate?: number } = {},
): LogisticModel {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 3000;
  const rate = opts.rate ?? 0.5;
  const d = rows[0]?.length ?? 0;
  const w = new Float64Array(d);
  let b = 0;
  const n = rows.length;
  if (n === 0) return { weights: Array.from(w), bias: 0 };
  const grad = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let r = 0; r < n; r++) {
      const x = rows[r]!;
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const err = sigmoid(z) - labels[r]!;
      for (let i = 0; i < d; i++) grad[i]! += err * x[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (grad[i]! / n + l2 * w[i]!);
    b -= rate * (gb / n);
  }
  return { weights: Array.from(w), bias: b };
}
