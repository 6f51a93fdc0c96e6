/** The abm-tier command (bundled to dist-cli/abm-tier.js): runs the program from its code cache (see code-cache.ts). */
import { runProgram } from './code-cache';

runProgram(__filename, module);
