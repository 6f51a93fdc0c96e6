import { buildAll } from '../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await buildAll({ quiet: true });
}
