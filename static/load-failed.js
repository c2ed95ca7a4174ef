// Fetched only after the app failed to start, by start.js (the app's own page) and embed.js (the
// script mount on a blog), so no reader whose load works pays for it. It tells a failure that a
// retry cannot mend, and that the reader's connection did not cause, from one it did. The build
// gives it a hashed name.

const SEE_ID = 'Untuk pemilik situs: lihat bagian “When the widget cannot start” di README Cek Klien.';
const SEE_EN = 'For the site owner: see “When the widget cannot start” in the Cek Klien README.';

// No WebAssembly at all (iOS Lockdown Mode, a browser with it switched off), or a page that
// replaced it with something else.
export const NO_WASM = `Kuis ini butuh WebAssembly, tetapi browser atau halaman ini mematikannya. ${SEE_ID} / This quiz needs WebAssembly, but this browser or page has switched it off. ${SEE_EN}`;

// A Content-Security-Policy without 'wasm-unsafe-eval'.
export const CSP_BLOCKS_WASM = `Kebijakan keamanan halaman ini (Content-Security-Policy) tidak mengizinkan WebAssembly ('wasm-unsafe-eval'), jadi kuis tidak bisa berjalan. ${SEE_ID} / This page’s Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval'), so the quiz cannot run. ${SEE_EN}`;

const native = (f) => typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f));
const blockedByPolicy = (error) => /Content.Security.Policy|unsafe-eval|\bCSP\b/i.test(String(error?.message ?? error));

// The smallest module there is: compiling it fails only when the page forbids WebAssembly.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

/// What to tell the reader about `error`, the reason the app did not start: a message when the
/// network is not to blame, null when it (or the app's host) may be, so a retry may help.
export function explain(error) {
  const api = globalThis.WebAssembly;
  if (typeof api !== 'object' || api === null || !native(api.instantiate) || !native(api.Module)) return NO_WASM;
  if (blockedByPolicy(error)) return CSP_BLOCKS_WASM;
  try {
    new api.Module(EMPTY_MODULE);
  } catch (probe) {
    return blockedByPolicy(probe) ? CSP_BLOCKS_WASM : NO_WASM;
  }
  return null;
}
