/** Types of browser.mjs (plain JavaScript, shared with the .mjs benchmarks and scripts). */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';

export declare const DIST: string;
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: readonly string[];

export declare function launchChromium(): Promise<Browser>;

export interface StaticServer {
  url: string;
  server: Server;
  /** Paths the server answered, in order (requests refused while offline are not listed). */
  requests: string[];
  close: () => Promise<void>;
  /** Going offline drops every request's connection unanswered, as when the network is gone. */
  setOnline: (online: boolean) => void;
  /** Serve another directory from now on, as when a new build is deployed to the same address. */
  setRoot: (dir: string) => void;
}

export declare function serveStatic(dir: string, options?: { headers?: Record<string, string> }): Promise<StaticServer>;
