// A Turbopack loader (next.config.ts, `*.pcss`): compiles a Tailwind stylesheet with
// the same PostCSS plugin as the app's other CSS and exports the result as a string, for a
// page that sends its few rules inside its HTML (app/error.tsx, OnboardStyle). Next's own
// experimental.inlineCss does that for every stylesheet of every page, the agency's large
// ones included (twice each: in the HTML and in the RSC payload).
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module, as webpack-style loaders are */
const postcss = require("postcss");
const tailwind = require("@tailwindcss/postcss");

module.exports = function tailwindInlineLoader(source) {
  // The browser's copy of a module that imports a stylesheet only for the server's HTML.
  if (this.getOptions().empty) return `export default "";\n`;
  const done = this.async();
  postcss([tailwind({ optimize: { minify: true } })])
    .process(source, { from: this.resourcePath })
    .then((result) => {
      // The files Tailwind read or scanned: a change to them compiles the stylesheet again.
      for (const message of result.messages) {
        if (message.type === "dependency") this.addDependency(message.file);
        else if (message.type === "dir-dependency") this.addContextDependency(message.dir);
      }
      done(null, `export default ${JSON.stringify(result.css)};\n`);
    }, done);
};
