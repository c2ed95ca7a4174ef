// The Content Security Policies the README tells deployers to send.

/// The policy for the app's own pages; `frameAncestors` lists who may show it in an iframe.
export function appPolicy(frameAncestors) {
  return [
    "default-src 'none'",
    // The hash allows 404.html's one inline script (the build checks the README names it).
    "script-src 'self' 'wasm-unsafe-eval' 'sha256-KyAdjnGLXPG6Pco3JXQLRFHN5fSPq5Vr4vnDvHhEspk='",
    "style-src 'self'",
    // The result card is drawn from a picture the page makes itself (static/card.js).
    "img-src 'self' blob:",
    "connect-src 'self'",
    // The web app manifest offline.js links (the service worker falls under script-src).
    "manifest-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/// What a blog adds to its own policy to embed the widget from `app` (an origin).
export function blogPolicy(app) {
  return [
    "default-src 'self'",
    `script-src 'self' ${app} 'wasm-unsafe-eval'`,
    `style-src 'self' ${app}`,
    `connect-src 'self' ${app}`,
    `frame-src ${app}`,
    `img-src 'self' ${app} blob:`,
  ].join('; ');
}
