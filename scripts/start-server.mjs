// Placeholder for `pnpm start`: the reference TextUs server does not exist yet. It fails loudly
// rather than pretending to serve anything.
console.error('hyperld: the reference server arrives with issue 5; there is nothing to start yet.');
process.exit(1);
