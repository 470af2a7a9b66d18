#!/usr/bin/env node
'use strict';
// The installed command: runs the built CLI bundle.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('error: hash-workbench is not built yet: run "npm run build" first\n');
  process.exit(2);
}
require(cli)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
