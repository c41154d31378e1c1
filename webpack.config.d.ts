// Types of what webpack.config.js exports, for the tests that import it.
import type { Configuration } from "webpack";

/** The manifest with every dev-server address replaced by `url` (which must be https). */
export function rewriteManifest(xml: string, url: string): string;

declare function config(env?: Record<string, unknown>, argv?: { mode?: string }): Promise<Configuration>;
export default config;
