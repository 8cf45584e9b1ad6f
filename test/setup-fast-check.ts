/**
 * In CI, property tests run from one fixed seed (or `FC_SEED`), so that a submission's run is
 * reproducible and a rare counterexample cannot fail one run at random; locally every run draws
 * a new seed and keeps exploring (and `pnpm fuzz` explores at 100,000 runs). A failure prints its
 * seed either way: rerun with `FC_SEED=<seed>`.
 */
import fc from 'fast-check';

const fromEnv = process.env['FC_SEED'];
if (fromEnv !== undefined) fc.configureGlobal({ seed: Number(fromEnv) });
else if (process.env['CI']) fc.configureGlobal({ seed: 20261125 });
