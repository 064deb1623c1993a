// Lets a bench import server modules without the react-server condition (which would take away
// react-dom/server, needed to render e-mails): `server-only` resolves to an empty module, as in
// Vitest (tests/support/empty.ts). Loaded with `tsx --require`.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for `tsx --require` */
const Module = require("node:module");
const path = require("node:path");

const empty = path.join(__dirname, "..", "tests", "support", "empty.ts");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? empty : request, ...rest);
};
