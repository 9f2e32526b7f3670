// Progressive enhancement for the chat: Enter sends, focus and scrolling follow the
// conversation, and the widget keeps its session when the browser drops its cookie.
// No inline handlers or eval: the page's CSP is script-src 'self'.
(function () {
  "use strict";
  var TOKEN_HEADER = "X-Chat-Session";
  var TOKEN_KEY = "chatbot-session-token";

  function byId(id) { return document.getElementById(id); }

  function storage() {
    try { return window.localStorage; } catch (e) { return null; } // blocked storage
  }

  // Browsers that block third-party cookies (Chromium's Incognito, for one) also throw on
  // localStorage in a cross-site iframe: then the token lives in this page view only, which
  // still lets its messages through when no cookie comes back.
  var pageToken = null;

  function storedToken() {
    var store = storage();
    try { return (store && store.getItem(TOKEN_KEY)) || pageToken; } catch (e) { return pageToken; }
  }

  function rememberToken(token) {
    var store = storage();
    if (token) pageToken = token;
    try { if (store && token) store.setItem(TOKEN_KEY, token); } catch (e) { /* full or blocked */ }
  }

  // Enter sends; Shift+Enter (or an IME composition) adds a line as usual.
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (field.id !== "message" || event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    if (field.value.trim()) field.form.requestSubmit();
  });

  function scrollToEnd() {
    var log = document.querySelector("#chat .log"); // the scrolling role=log box around #log
    if (log) log.scrollTop = log.scrollHeight;
  }

  // The message was accepted: empty the field, clear any old error, keep typing there.
  function accepted(form) {
    if (!form || !form.matches || !form.matches("#composer, .starters, .visitor-form")) return;
    var field = byId("message");
    var error = byId("composer-error");
    if (form.id === "composer" && field) field.value = "";
    if (error) error.textContent = "";
    if (field) {
      field.removeAttribute("aria-invalid");
      field.focus();
    }
  }

  document.addEventListener("htmx:sse:after:connection", function (event) {
    var connection = event.detail && event.detail.connection;
    if (connection && connection.status < 400) accepted(event.target);
  });

  document.addEventListener("htmx:after:request", function (event) {
    var ctx = event.detail && event.detail.ctx;
    if (ctx && ctx.response && ctx.response.status < 400) accepted(event.target);
    else if (ctx && ctx.response && event.target.matches && event.target.matches("#composer, .starters")) {
      var field = byId("message");
      if (field) field.setAttribute("aria-invalid", "true");
    }
  });

  document.addEventListener("htmx:after:swap", scrollToEnd);

  // A refused name comes back marked invalid: put the focus on it again.
  document.addEventListener("htmx:after:swap", function () {
    var name = document.querySelector("#visitor-name[aria-invalid=true]");
    if (name) name.focus();
  });

  // The contact card is open already: go to it rather than add another.
  document.addEventListener("click", function (event) {
    var name = byId("contact-name");
    if (!name || !event.target.closest(".contact-open")) return;
    event.preventDefault();
    event.stopPropagation();
    name.focus();
  }, true);

  // A swap removed the focused element (a sent card, a deleted chat): refocus the field.
  var lost = null;
  document.addEventListener("htmx:before:swap", function () { lost = document.activeElement; });
  document.addEventListener("htmx:after:swap", function () {
    if (lost && lost !== document.body && !lost.isConnected) {
      setTimeout(function () {
        if (document.activeElement === document.body) focusComposer();
      }, 0);
    }
    lost = null;
  });

  // A network failure leaves no response to swap: say so where errors appear.
  document.addEventListener("htmx:error", function (event) {
    var ctx = event.detail && event.detail.ctx;
    var error = byId("composer-error");
    if (error && !(ctx && ctx.response)) {
      error.textContent = "The chat could not reach its server. Check your connection and send again.";
    }
  });

  // Widget only: the server's token for this session travels in a header, so the
  // conversation continues where the browser keeps no cookie in a cross-site iframe.
  document.addEventListener("htmx:config:request", function (event) {
    var token = storedToken();
    if (token) event.detail.ctx.request.headers[TOKEN_HEADER] = token;
  });

  var restoreTried = false;

  function adoptSession() {
    var chat = byId("chat");
    if (!chat || !chat.dataset.session) return;
    var saved = storedToken();
    if (!restoreTried && chat.dataset.fresh === "true" && saved && saved !== chat.dataset.session &&
        window.htmx) {
      restoreTried = true;
      // No cookie came back, but this browser has talked to us before: reload the panel
      // under the saved session (the request carries it in the header).
      window.htmx.ajax("GET", window.location.pathname, {target: "#chat", swap: "outerHTML"});
      return;
    }
    rememberToken(chat.dataset.session);
  }

  document.addEventListener("htmx:after:swap", adoptSession);
  document.addEventListener("DOMContentLoaded", function () {
    applyStyle();
    adoptSession();
    scrollToEnd();
  });

  // Widget only: the accent the embedding page chose, checked and paired with a readable
  // text colour by the server (chatbot/embed.py). CSSOM is allowed where inline styles
  // are not, so the CSP stays style-src 'self'.
  function applyStyle() {
    var root = document.documentElement;
    if (!root.dataset.accent || !root.dataset.onAccent) return;
    root.style.setProperty("--accent", root.dataset.accent);
    root.style.setProperty("--on-accent", root.dataset.onAccent);
  }

  // Inside the embed's iframe (static/embed.js): the only command taken from the parent is
  // "focus", and Escape asks the parent to close the chat.
  var framed = window.parent !== window;
  var focusWanted = false;

  function focusComposer() {
    var field = byId("message");
    if (field) field.focus();
  }

  if (framed) {
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || event.data !== "chatbot:focus") return;
      focusWanted = true;
      focusComposer();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !event.isComposing) window.parent.postMessage("chatbot:close", "*");
    });
    // The panel may be swapped (session restore) after focus was asked for: keep it inside.
    document.addEventListener("htmx:after:swap", function () {
      if (focusWanted && document.activeElement === document.body) focusComposer();
    });
  }
})();
