// Builds the task pane (and, with `--env playground`, the in-browser playground) into dist/.
//
//   npx webpack --mode production       minified, content-hashed bundles in dist/
//   npx webpack serve --mode development https://localhost:3000/ (Office dev certificates if installed,
//                                        else webpack-dev-server's self-signed certificate)
//
// office.js is not bundled: taskpane.html loads it from Microsoft's CDN as the global `Office`.
// Set ADDIN_URL (an https address, e.g. https://addins.example.org/response-matrix/) for a production
// build to write dist/manifest.xml pointing there instead of https://localhost:3000/.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
// package.json's config.dev_server_port: `npm start` (office-addin-debugging) waits for the server on this port.
const PORT = Number(process.env.npm_package_config_dev_server_port ?? 3000);
/** The task pane's JavaScript budget (SPEC section 10): the production build fails above it. */
const JS_BUDGET = 1_500_000;

/** The manifest with every dev-server address replaced by `url` (which must be https). */
export function rewriteManifest(xml, url) {
  const target = new URL(url);
  if (target.protocol !== "https:") throw new Error(`ADDIN_URL must be an https address; got "${url}".`);
  const base = target.href.endsWith("/") ? target.href : `${target.href}/`;
  // Full URLs first (they carry the trailing slash), then bare origins such as the AppDomain.
  return xml.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(target.origin);
}

/** The Office dev certificates when they are installed and trusted; undefined otherwise. */
async function officeDevCertificates() {
  try {
    const devCerts = await import("office-addin-dev-certs");
    return await (devCerts.getHttpsServerOptions ?? devCerts.default.getHttpsServerOptions)();
  } catch (error) {
    console.warn(
      `Office dev certificates are not available (${error instanceof Error ? error.message.split("\n")[0] : error}); ` +
        "serving https with a self-signed certificate. Run `npx office-addin-dev-certs install` to trust localhost.",
    );
    return undefined;
  }
}

export default async function config(env = {}, argv = {}) {
  const dev = argv.mode !== "production";
  const addinUrl = process.env.ADDIN_URL;

  const entry = { taskpane: "./src/taskpane/index.tsx" };
  const pages = [
    new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
    // The manifest's FunctionFile: loads office.js only, since the ribbon button just opens the pane.
    new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/taskpane/commands.html", chunks: [] }),
  ];
  if (env.playground) {
    if (existsSync(path.join(root, "src/playground/index.tsx"))) {
      entry.playground = "./src/playground/index.tsx";
      const template = path.join(root, "src/playground/playground.html");
      pages.push(
        new HtmlWebpackPlugin({
          filename: "playground.html",
          chunks: ["playground"],
          ...(existsSync(template) ? { template } : { title: "Response Matrix playground" }),
        }),
      );
    } else {
      console.warn("--env playground: src/playground/index.tsx does not exist yet; building the task pane only.");
    }
  }

  const https = env.WEBPACK_SERVE ? await officeDevCertificates() : undefined;

  return {
    context: root,
    entry,
    // Office's web views are modern (Edge WebView2, Safari); ES2022 matches tsconfig and lets webpack's
    // runtime use globalThis instead of a `new Function` fallback, which the CSP would refuse.
    target: ["web", "es2022"],
    devtool: dev ? "source-map" : false, // never "eval-*": the pane's CSP forbids eval
    output: {
      path: path.join(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type checking is `npm run typecheck`; the project tsconfig says noEmit, the loader must emit.
          options: { transpileOnly: true, compilerOptions: { noEmit: false } },
        },
      ],
    },
    plugins: [
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/.*"] } },
          // ES5 and outside the bundle, so that old browser engines run it (taskpane.html loads it first); copied
          // as written (marked minimized, so the minifier cannot rewrite it in newer syntax).
          { from: "src/taskpane/old-browser.js", to: "old-browser.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (!dev && addinUrl ? rewriteManifest(content.toString(), addinUrl) : content),
          },
        ],
      }),
    ],
    performance: {
      hints: dev ? false : "error",
      maxAssetSize: JS_BUDGET,
      maxEntrypointSize: JS_BUDGET,
      assetFilter: (file) => file.endsWith(".js"),
    },
    devServer: {
      host: "localhost",
      port: PORT,
      server: https ? { type: "https", options: https } : { type: "https" },
      // Office loads the pane inside its own frame on another origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
}
