// The top bar's browser side: the unread count in the tab title, browser notifications (with the user's permission),
// a short notification sound, and telling the server the agent is active (at most once a minute).
const countPrefix = /^\(\d+\) /;
let unread = 0;
let titleObserver = null;
let activity = null;
let audio = null;

function applyTitle() {
  const bare = document.title.replace(countPrefix, "");
  const wanted = unread > 0 ? `(${unread}) ${bare}` : bare;
  if (document.title !== wanted) {
    document.title = wanted;
  }
}

export function start(dotnet) {
  // Pages set their own title as the user moves around; the count is put back in front each time.
  const title = document.querySelector("title");
  if (title && !titleObserver) {
    titleObserver = new MutationObserver(applyTitle);
    titleObserver.observe(title, { childList: true, characterData: true, subtree: true });
  }

  let last = 0;
  activity = () => {
    const now = Date.now();
    if (now - last >= 60000) {
      last = now;
      dotnet.invokeMethodAsync("Active").catch(() => { });
    }
  };
  for (const name of ["pointerdown", "keydown", "mousemove", "focus"]) {
    window.addEventListener(name, activity, { passive: true });
  }
  activity();
}

export function stop() {
  if (activity) {
    for (const name of ["pointerdown", "keydown", "mousemove", "focus"]) {
      window.removeEventListener(name, activity);
    }
    activity = null;
  }
  if (titleObserver) {
    titleObserver.disconnect();
    titleObserver = null;
  }
}

export function setUnread(count) {
  unread = count;
  applyTitle();
}

// "granted", "denied", "default" (not asked yet) or "unsupported".
export function permission() {
  return "Notification" in window ? Notification.permission : "unsupported";
}

export async function requestPermission() {
  if (!("Notification" in window)) {
    return "unsupported";
  }
  return await Notification.requestPermission();
}

export function notify(title, body, link, sound) {
  if (sound) {
    beep();
  }
  if (!("Notification" in window) || Notification.permission !== "granted" || (document.visibilityState === "visible" && document.hasFocus())) {
    return;
  }
  const shown = new Notification(title, { body: body, tag: link });
  shown.onclick = () => {
    window.focus();
    window.location.assign(link);
    shown.close();
  };
}

// Two short soft tones, made on the spot: no sound file to load.
function beep() {
  try {
    audio = audio || new AudioContext();
    const at = audio.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.15, at + i * 0.12 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.12 + 0.11);
      tone.connect(gain).connect(audio.destination);
      tone.start(at + i * 0.12);
      tone.stop(at + i * 0.12 + 0.12);
    });
  } catch (e) {
    // No audio (autoplay refused before any click): the notification still shows.
  }
}
