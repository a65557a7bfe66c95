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

// Enter sends, Shift+Enter adds a line, in any box marked data-enter-sends (the composer, the note box). One listener
// for the page, there from the first render: an Enter pressed before the box's component has registered itself
// (a moment after the box is drawn) is kept and sent as soon as it does, rather than becoming a new line.
document.addEventListener("keydown", function (e) {
  const box = e.target;
  if (!(box instanceof HTMLTextAreaElement) || !box.hasAttribute("data-enter-sends")) { return; }
  if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.defaultPrevented) { return; }
  e.preventDefault();
  box.dispatchEvent(new Event("input", { bubbles: true }));
  if (box.chatobuyComposer) {
    box.chatobuyComposer.invokeMethodAsync("EnterPressed");
  } else {
    box.dataset.enterPending = "1";
  }
});

window.chatobuy.enterSends = function (textarea, dotnet) {
  if (!textarea) { return; }
  textarea.chatobuyComposer = dotnet;
  if (textarea.dataset.enterPending) {
    delete textarea.dataset.enterPending;
    dotnet.invokeMethodAsync("EnterPressed");
  }
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
