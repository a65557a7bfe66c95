// Small browser helpers called from components.
window.chatobuy = {
  copyText: async function (text) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch (e) {
      // fall through to the textarea method
    }
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }
};

// Enter sends, Shift+Enter adds a line (composer).
window.chatobuy.enterSends = function (textarea, dotnet) {
  if (!textarea || textarea.dataset.enterSendsBound) { return; }
  textarea.dataset.enterSendsBound = "1";
  textarea.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      dotnet.invokeMethodAsync("EnterPressed");
    }
  });
};

// While a suggestion list is open (the textarea has data-suggesting), the arrow keys, Enter, Tab and Escape belong
// to the list: they go to the component instead of moving the caret or sending. Bound before "Enter sends" (capture).
window.chatobuy.suggestKeys = function (textarea, dotnet) {
  if (!textarea || textarea.dataset.suggestKeysBound) { return; }
  textarea.dataset.suggestKeysBound = "1";
  textarea.addEventListener("keydown", function (e) {
    if (textarea.dataset.suggesting !== "1" || e.isComposing) { return; }
    if (["ArrowUp", "ArrowDown", "Enter", "Tab", "Escape"].indexOf(e.key) < 0 || (e.key === "Enter" && e.shiftKey)) { return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    dotnet.invokeMethodAsync("SuggestionKey", e.key);
  }, true);
};

// Puts the caret at the end of the text and the focus in the box (after a suggestion was picked).
window.chatobuy.focusEnd = function (textarea) {
  if (!textarea) { return; }
  textarea.focus();
  const end = textarea.value.length;
  textarea.setSelectionRange(end, end);
};
