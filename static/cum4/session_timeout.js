/* Warns on a form page before the session ends (idle limit or absolute lifetime), from the
   deadlines the page embeds (id "session-deadlines", epoch seconds, set by cum4.sessions).
   The page's clock may differ from the server's: deadlines are taken relative to "now". */
(function () {
  "use strict";
  var source = document.getElementById("session-deadlines");
  var warning = document.querySelector("[data-testid=session-warning]");
  if (!source || !warning) { return; }
  var d = JSON.parse(source.textContent);
  var endsIn = Math.min(d.idleEndsAt, d.endsAt) - d.now;
  var endAt = new Date(Date.now() + endsIn * 1000);
  var label = warning.querySelector("[data-session-end]");
  label.textContent = endAt.toLocaleTimeString(document.documentElement.lang || "vi",
                                               { hour: "2-digit", minute: "2-digit" });
  function show() {
    warning.classList.remove("d-none");
    warning.scrollIntoView({ block: "nearest" });
  }
  var delay = (endsIn - d.warnBefore) * 1000;
  if (delay <= 0) { show(); } else { window.setTimeout(show, delay); }
})();
