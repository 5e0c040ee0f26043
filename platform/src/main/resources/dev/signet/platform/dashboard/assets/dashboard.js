// Signet dashboard: keeps relative times fresh, applies live status changes to the open bot list (server-sent
// events from /live), and asks before destructive forms. Served from the jar; the CSP allows no inline script.
(function () {
  "use strict";

  function relative(iso) {
    var seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
    var future = seconds >= 0;
    var s = Math.abs(seconds);
    if (s < 10) { return "just now"; }
    var amount = s < 60 ? s + " s" : s < 3600 ? Math.floor(s / 60) + " min"
      : s < 86400 ? Math.floor(s / 3600) + " h" : Math.floor(s / 86400) + " d";
    return future ? "in " + amount : amount + " ago";
  }

  function refreshTimes() {
    document.querySelectorAll("time[data-relative]").forEach(function (t) {
      t.textContent = relative(t.getAttribute("datetime"));
    });
  }
  setInterval(refreshTimes, 30000);

  // The open live stream, if any: closed when this page signs out, so the stream's own "signed-out" event (the
  // session is gone before the browser has left the page) cannot send the browser to "session ended" instead.
  var live = null;
  var signingOut = false;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    if (form.classList.contains("sign-out")) {
      signingOut = true;
      if (live) { live.close(); }
    }
  });

  function announce(text) {
    var region = document.getElementById("announcer");
    if (region) { region.textContent = text; }
  }

  function apply(change) {
    var row = document.querySelector('tr[data-bot-id="' + CSS.escape(change.id) + '"]');
    if (!row) { return false; }
    var badge = row.querySelector("[data-badge]");
    var sub = row.querySelector("[data-sub]");
    var previous = badge ? badge.textContent : "";
    if (badge) {
      badge.className = "badge tone-" + change.tone;
      badge.textContent = change.label;
    }
    if (sub) { sub.textContent = change.sub_code; }
    var updated = row.querySelector("[data-updated]");
    if (updated) {
      var time = updated.querySelector("time");
      var abs = updated.querySelector(".abs");
      if (time) {
        time.setAttribute("datetime", change.at);
        time.setAttribute("title", change.at_absolute);
        time.textContent = relative(change.at);
      }
      if (abs) { abs.textContent = change.at_absolute; }
    }
    row.setAttribute("data-status", change.code);
    if (previous !== change.label) {
      row.classList.remove("changed");
      void row.offsetWidth;
      row.classList.add("changed");
      announce(change.name + ": " + change.label);
    }
    return true;
  }

  function follow() {
    var table = document.querySelector("[data-live-url]");
    if (!table || !window.EventSource) { return; }
    var source = new EventSource(table.getAttribute("data-live-url"));
    live = source;
    document.body.setAttribute("data-live", "connecting");
    source.addEventListener("open", function () { document.body.setAttribute("data-live", "open"); });
    source.addEventListener("bot", function (e) { apply(JSON.parse(e.data)); });
    source.addEventListener("new", function (e) {
      if (!apply(JSON.parse(e.data))) {
        var note = document.getElementById("new-bots");
        if (note) { note.hidden = false; }
      }
    });
    source.addEventListener("signed-out", function () {
      source.close();
      if (signingOut) { return; }
      window.location.assign("/sign-in?notice=expired");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", follow);
  } else {
    follow();
  }
})();
