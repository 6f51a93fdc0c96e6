#!/usr/bin/env node
// The abm-tier command: runs the bundled CLI (npm run build writes dist-cli/abm-tier.js, outside
// dist/, which clasp pushes to Apps Script).
require('../dist-cli/abm-tier.js');
