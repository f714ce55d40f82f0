// Loaded into every test process (see scripts/test.mjs).
// An unhandled promise rejection fails the run: the framework promises never to cause one.
process.on("unhandledRejection", (reason) => {
  process.exitCode = 1;
  console.error("Unhandled promise rejection:", reason);
  throw reason;
});
