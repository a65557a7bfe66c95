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
