/*
 * Loaded before the pane's bundle, as a file of this site (the page's Content Security Policy allows no inline
 * script), and written in ES5 so that every browser engine runs it (eslint.config.js checks that it parses as ES5).
 *
 * The bundle is ES2022. The old engines some Office installs still use (Internet Explorer's or EdgeHTML's web view
 * on Windows, Safari before 16.4 on a Mac) cannot parse it, and the pane would stay on "Loading Response Matrix…"
 * for ever. When a script of this site fails before the pane has replaced that line, this says why instead.
 */
(function () {
  var OLD_ENGINE = "This version of Office uses an old browser engine that Response Matrix does not support; update Office or use Excel on the web.";
  var NOT_STARTED = "Response Matrix could not start. Close and reopen the add-in; if it keeps failing, update Office or use Excel on the web.";
  var NOT_LOADED = "Response Matrix could not be loaded. Check the internet connection, then close and reopen the add-in.";

  function fromThisSite(url) {
    var origin = window.location.protocol + "//" + window.location.host + "/";
    return typeof url === "string" && url.indexOf(origin) === 0;
  }

  /** An engine without the ES2022 built-ins the bundle relies on, or one that could not parse it. */
  function oldEngine(event) {
    var error = event.error;
    if (typeof SyntaxError !== "undefined" && error instanceof SyntaxError) return true;
    if (/syntax/i.test(String(event.message || ""))) return true;
    return typeof Object.hasOwn !== "function" || typeof Array.prototype.at !== "function";
  }

  function show(text) {
    var loading = document.getElementById("loading");
    // Gone once the pane has rendered: from then on, failures are the pane's to report.
    if (!loading) return;
    loading.textContent = text;
    loading.setAttribute("role", "alert");
  }

  window.addEventListener(
    "error",
    function (event) {
      var target = event.target || event.srcElement;
      if (target && target.tagName === "SCRIPT") {
        if (fromThisSite(target.src)) show(NOT_LOADED);
        return;
      }
      if (fromThisSite(event.filename)) show(oldEngine(event) ? OLD_ENGINE : NOT_STARTED);
    },
    true
  );
})();
