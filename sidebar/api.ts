/**
 * The sidebar's one door to the server: google.script.run turned into typed promises. Types come
 * from src/main.ts itself, so renaming a server function breaks this build, not a user's click.
 */
import type * as Server from '../src/main';

type Functions = typeof Server;
type Name = keyof Functions;

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script: { run: Runner } };

export function call<K extends Name>(name: K, ...args: Parameters<Functions[K]>): Promise<ReturnType<Functions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Functions[K]>))
      .withFailureHandler((error) => {
        const message =
          error instanceof Error
            ? error.message
            : typeof error === 'object' && error && 'message' in error
              ? String((error as { message: unknown }).message)
              : String(error);
        reject(new Error(message.replace(/^(Exception|Error): /u, '')));
      });
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

export const api = {
  state: (settings?: Parameters<Functions['getSidebarState']>[0]) => call('getSidebarState', settings),
  data: (settings: Parameters<Functions['getPreviewData']>[0]) => call('getPreviewData', settings),
  activeSheet: () => call('getActiveSheetName'),
  openSheet: (name: string, settings: Parameters<Functions['openSheetByName']>[1]) => call('openSheetByName', name, settings),
  score: (settings: Parameters<Functions['scoreActiveSheet']>[0]) => call('scoreActiveSheet', settings),
  removeColours: () => call('removeTierColours'),
  lookalikes: () => call('findLookalikes'),
  accountsFromOrders: (asOf?: string) => call('buildAccountsFromOrders', asOf),
  rfmFromOrders: (asOf: string | undefined, settings: Parameters<Functions['buildRfmFromOrders']>[2]) => call('buildRfmFromOrders', asOf, 5, settings),
};
