// Runs the stand-in Meeting SDK for Web under Node (no browser) and prints, as one JSON line, what ZoomMtg.join
// reported: {"error": <the error callback's argument>} or {"events_url": <the event stream it opened>}.
// Usage: node join-with-stand-in.js <sdk script URL> <join options as JSON>
'use strict';
const vm = require('vm');

const [sdkUrl, optionsJson] = process.argv.slice(2);

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

globalThis.window = globalThis;
globalThis.document = { currentScript: { src: sdkUrl } };
globalThis.EventSource = class {
  constructor(url) { done({ events_url: url }); }
};

fetch(sdkUrl)
  .then((r) => r.text())
  .then((text) => {
    vm.runInThisContext(text, { filename: sdkUrl });
    const ZoomMtg = globalThis.ZoomMtg;
    const options = JSON.parse(optionsJson);
    ZoomMtg.init({
      leaveUrl: 'about:blank',
      success: () => ZoomMtg.join(Object.assign({}, options, {
        success: (value) => done({ success: value }),
        error: (value) => done({ error: value })
      })),
      error: (value) => done({ init_error: value })
    });
  })
  .catch((e) => done({ harness_error: String(e) }));
