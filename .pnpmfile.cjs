// pnpm hooks of the workspace (pnpm 10.28 or later).
//
// beforePacking: the `@hyperld/source` export condition points at `src/`, which serves this
// repository's tests, type checks and tsx (tsconfig.base.json's customConditions, vitest and
// `tsx --conditions`), but is not shipped (`files` is `dist`). `pnpm pack` and `pnpm publish`
// drop it from the packed package.json, so a consumer's bundler that happens to know the
// condition cannot resolve into files that are missing, and the local package.json keeps one
// exports map rather than a second copy under `publishConfig`. `scripts/check-packages.mjs` and
// `scripts/check-packaging.mjs` fail if a packed package.json still names it (an older pnpm
// ignores this hook).

const SOURCE_CONDITION = '@hyperld/source';

/** The exports value without the source condition, at any depth. */
function withoutSourceCondition(value) {
  if (Array.isArray(value)) return value.map(withoutSourceCondition);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== SOURCE_CONDITION) out[key] = withoutSourceCondition(inner);
  }
  return out;
}

module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.exports !== undefined) pkg.exports = withoutSourceCondition(pkg.exports);
      return pkg;
    },
  },
};
