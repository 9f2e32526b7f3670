/* Portfolio chat launcher. Options: data-position="left", data-accent, data-label,
 * data-open="true", data-greeting, data-theme="light|dark". A host page's CSP needs this
 * origin in script-src and frame-src only (adopted stylesheets are not subject to it). */
(() => {
  const me = document.currentScript;
  if (window.PortfolioChat || !me) return;
  const origin = new URL(me.src).origin, opt = me.dataset;
  const label = opt.label || "Ask about me";
  const theme = /^(light|dark)$/.test(opt.theme) ? opt.theme : "";

  // Accent, and white or black text, whichever contrasts more (>= 4.58:1): as chatbot/embed.py.
  const pair = (v) => {
    const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v || "");
    if (!m) return;
    const d = m[1].length < 6 ? m[1].replace(/./g, "$&$&") : m[1];
    const l = [0, 2, 4].map((i) => {
      const c = parseInt(d.substr(i, 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return ["#" + d, 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] > 0.179 ? "#000" : "#fff"];
  };

  const DARK = "{--bg:#12141a;--fg:#eceef2;--line:#3a3f4c;--ring:#93c5fd;--accent:#a5b4fc;--on:#12141a}";
  const W = "min(416px,100vw)", EASE = " .3s cubic-bezier(.2,.8,.2,1)";
  const CSS = ":host{all:initial}" +
    ".w{--bg:#fff;--fg:#171a21;--line:#c9ced8;--ring:#1d4ed8;--accent:#4338ca;--on:#fff;" +
    "font:16px/1.5 system-ui,sans-serif;color:var(--fg)}" +
    "@media(prefers-color-scheme:dark){.w:not(.light)" + DARK + "}.dark" + DARK +
    "button{font:inherit;cursor:pointer}" +
    ".l,.g,.p{position:fixed;z-index:2147483647;bottom:20px;right:20px}" +
    ".left .l,.left .g{right:auto;left:20px}" +
    ".l{display:flex;align-items:center;gap:8px;min-height:48px;padding:0 20px 0 16px;" +
    "border:2px solid var(--accent);border-radius:99px;background:var(--accent);color:var(--on);" +
    "font-weight:600;box-shadow:0 6px 20px #0004;transition:transform" + EASE + "}" +
    ".l:focus-visible{outline:3px solid var(--fg);outline-offset:3px;box-shadow:0 0 0 3px var(--bg)}" +
    "svg{width:22px;height:22px;flex:none;fill:none;stroke:currentColor;stroke-width:2;" +
    "stroke-linecap:round}.l .x,.open .l .b{display:none}.open .l .x{display:block}" +
    ".g{bottom:84px;max-width:min(288px,calc(100vw - 40px));margin:0;padding:10px 14px;" +
    "border:1px solid var(--line);border-radius:14px;background:var(--bg);box-shadow:0 6px 20px #0003}" +
    ".g:empty{display:none}" +
    ".p{top:0;bottom:0;right:0;width:" + W + ";display:flex;flex-direction:column;" +
    "background:var(--bg);outline:1px solid var(--line);box-shadow:0 0 32px #0004;" +
    "transform:translateX(100%);" +
    "visibility:hidden;transition:transform" + EASE + ",visibility 0s .3s}" +
    ".left .p{right:auto;left:0;transform:translateX(-100%)}" +
    ".open .p{transform:none;visibility:visible;transition-delay:0s}" +
    ".open .l{transform:translateX(calc(-1*" + W + "))}.left.open .l{transform:translateX(" + W + ")}" +
    ".t{display:flex;align-items:center;justify-content:space-between;min-height:52px;" +
    "padding:4px 6px 4px 16px;border-bottom:1px solid var(--line);font-weight:600}" +
    ".c{display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;" +
    "border-radius:50%;background:none;color:var(--fg)}.c:hover{background:#8883}" +
    ":focus-visible{outline:3px solid var(--ring);outline-offset:2px}" +
    "iframe{flex:1;width:100%;border:0;background:var(--bg)}" +
    "@media(max-width:40rem){.open .l{visibility:hidden}.g{display:none}}" +
    "@media(prefers-reduced-motion:reduce){.l,.p{transition:none}}";
  const X = "<svg viewBox='0 0 24 24' aria-hidden='true' class='x'><path d='M6 6l12 12M18 6 6 18'/></svg>";

  const host = document.createElement("portfolio-chat");
  const root = host.attachShadow({mode: "open"});
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [sheet];
  const wrap = root.appendChild(document.createElement("div"));
  wrap.className = "w " + (opt.position === "left" ? "left " : "") + theme;
  // No page text in this markup: label and greeting go in as textContent.
  wrap.innerHTML = "<p class='g' id='g'></p>" +
    "<button class='l' type='button' aria-expanded='false' aria-controls='p' aria-describedby='g'>" +
    "<svg viewBox='0 0 24 24' aria-hidden='true' class='b'><path d='M4 5h16v11H10l-5 4v-4H4z'/></svg>" +
    X + "<span></span></button><div class='p' id='p' role='dialog' aria-labelledby='t' inert>" +
    "<div class='t'><span id='t'></span><button class='c' type='button' aria-label='Close chat'>" +
    X + "</button></div></div>";
  const $ = (s) => root.querySelector(s);
  const launcher = $(".l"), panel = $(".p"), greeting = $(".g");
  $(".l span").textContent = $("#t").textContent = label;
  greeting.textContent = opt.greeting || "";
  const colours = pair(opt.accent);
  if (colours) { // CSSOM: allowed by a CSP that blocks style=""
    wrap.style.setProperty("--accent", colours[0]);
    wrap.style.setProperty("--on", colours[1]);
  }

  let frame, loaded, isOpen, wantFocus;
  const focusChat = () => {
    wantFocus = false;
    frame.focus();
    frame.contentWindow.postMessage("chatbot:focus", origin);
  };

  // Open or close the chat; with `focus`, move focus into it, or back to the button.
  const show = (on, focus) => {
    if (on && !frame) {
      const query = new URLSearchParams();
      if (colours) query.set("accent", opt.accent);
      if (theme) query.set("theme", theme);
      frame = document.createElement("iframe");
      frame.title = label;
      frame.sandbox = "allow-scripts allow-same-origin allow-forms allow-popups " +
        "allow-popups-to-escape-sandbox";
      frame.src = origin + "/chat/widget?" + query;
      frame.onload = () => {
        loaded = true;
        if (wantFocus) focusChat();
      };
      panel.appendChild(frame);
    }
    isOpen = on;
    wantFocus = on && focus;
    panel.inert = !on;
    wrap.classList.toggle("open", on);
    launcher.ariaExpanded = on;
    if (on) greeting.textContent = ""; // said once
    if (!focus) return;
    if (!on) launcher.focus();
    else if (loaded) focusChat();
    else frame.focus();
  };
  const toggle = () => show(!isOpen, true);
  const hide = () => isOpen && show(false, true);

  launcher.onclick = toggle;
  $(".c").onclick = hide;
  root.addEventListener("keydown", (e) => e.key === "Escape" && hide());
  // Escape inside the chat comes as a message from our own frame.
  addEventListener("message", (e) => {
    if (e.source === frame?.contentWindow && e.origin === origin && e.data === "chatbot:close") hide();
  });

  const mount = () => {
    document.body.appendChild(host);
    if (opt.open === "true") show(true);
  };
  if (document.body) mount();
  else addEventListener("DOMContentLoaded", mount);

  window.PortfolioChat = {open: () => show(true, true), close: () => show(false), toggle};
})();
