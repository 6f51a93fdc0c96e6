#!/usr/bin/env node
// The abm-tier command: runs the bundled CLI (npm run build writes dist/cli.js).
require('../dist/cli.js');
