/** npm run bench: prints each figure beside its budget. Nothing here asserts; tests never time. */
import { benchCli } from './cli';
import { benchFunctions } from './functions';
import { benchLearn } from './learn';
import { benchLoad } from './load';
import { benchOrders } from './orders';
import { benchPipeline } from './pipeline';
import { benchPreview } from './preview';
import { benchReport } from './report';
import { benchSheet } from './sheet';
import { benchSql } from './sql';

console.log(`ABM Tier benchmarks · node ${process.version} · ${new Date().toISOString().slice(0, 10)}`);
benchPipeline();
benchCli();
benchSheet();
benchPreview();
benchOrders();
benchFunctions();
benchLearn();
benchLoad();
benchReport();
void benchSql();
