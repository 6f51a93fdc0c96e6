export function publicFunctions(source: string): { name: string; jsdoc: string; params: string[] }[];
export function buildAll(options?: { quiet?: boolean }): Promise<void>;
