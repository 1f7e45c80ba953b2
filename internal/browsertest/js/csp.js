// Runs before the page's own scripts: records every Content-Security-Policy
// violation, so that a blocked load or script is caught even when the browser
// logs nothing for it.
(() => {
  const seen = [];
  Object.defineProperty(window, '__planpressCSP', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  });
})();
