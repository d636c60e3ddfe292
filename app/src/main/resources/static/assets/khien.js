// Khiên: the only script the pages load besides htmx; CSP forbids inline scripts.
(function () {
  "use strict";
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener("htmx:configRequest", function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) { e.preventDefault(); }
  }, true);
})();
