// The inbox page's keyboard shortcuts (see InboxShortcut.cs). Keys without a modifier act only when the agent is not
// typing in a field; Alt+↓ and Alt+↑ act anywhere. What only moves the focus is done here; the rest is told to the page.

function isTyping(target) {
  if (!target || !(target instanceof Element)) { return false; }
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
}

function composer() {
  return document.querySelector("textarea[data-testid=composer-input]");
}

function focusComposer() {
  const input = composer();
  if (!input) { return false; }
  input.focus();
  return true;
}

// Focuses the composer and types "/" where the caret is, as the agent would: the quick-reply list opens.
function typeSlash() {
  const input = composer();
  if (!input) { return false; }
  input.focus();
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText("/", start, end, "end");
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
}

function actionOf(e) {
  if (e.ctrlKey || e.metaKey) { return null; }
  if (e.altKey) {
    if (e.key === "ArrowDown") { return "next"; }
    if (e.key === "ArrowUp") { return "previous"; }
    return null;
  }

  if (e.key === "Escape") {
    // Only while the list is open: in a field, Esc belongs to the field (and to the quick-reply list).
    return document.querySelector("[data-testid=shortcuts-overlay]") ? "close" : null;
  }
  if (isTyping(e.target)) { return null; }
  switch (e.key) {
    case "j": return "next";
    case "k": return "previous";
    case "r": return "compose";
    case "/": return "quick-replies";
    case "e": return "resolve";
    case "a": return "assign-me";
    case "?": return "help";
    default: return null;
  }
}

export function start(dotnet) {
  const onKeyDown = (e) => {
    // Held keys repeat only for moving through the list.
    if (e.defaultPrevented || e.isComposing || (e.repeat && e.key !== "ArrowDown" && e.key !== "ArrowUp")) { return; }
    const action = actionOf(e);
    if (!action) { return; }
    switch (action) {
      case "compose":
        if (focusComposer()) { e.preventDefault(); }
        return;
      case "quick-replies":
        if (typeSlash()) { e.preventDefault(); }
        return;
      default:
        e.preventDefault();
        dotnet.invokeMethodAsync("Shortcut", action);
    }
  };
  document.addEventListener("keydown", onKeyDown);
  return { stop: () => document.removeEventListener("keydown", onKeyDown) };
}

export function stop(handle) {
  if (handle) { handle.stop(); }
}
