// Works with no signal (docs/architecture.md, "Offline"): drafts saved on the phone as the
// user types, an outbox sent by itself when the network is back, photos made small before
// they go, and a retry that never makes a record twice (each record carries its client_key).
// Everything is kept in IndexedDB under the logged-in user's id: another account on the same
// phone never sees or sends it.
(function () {
  "use strict";
  const body = document.body;
  const user = body.dataset.user;
  const idb = window.idbKeyval;
  const LONG_SIDE = 1600;
  const QUALITY = 0.8;

  if ("serviceWorker" in navigator && body.dataset.sw) {
    navigator.serviceWorker.register(body.dataset.sw, {scope: "/"}).then(() => {
      // Another account (or none) on this phone: the pages kept for the last one go. The
      // pages needed offline are fetched once a visit, and again after such a change, in
      // the same message (so the worker never deletes them after fetching them). Noted as
      // done only once the message is sent: a page left before that leaves it to the next.
      const changed = (localStorage.getItem("inklusi-user") || "") !== (user || "");
      const warm = Boolean(user) && navigator.onLine &&
        (changed || !sessionStorage.getItem("inklusi-warm"));
      if (!changed && !warm) return null;
      return navigator.serviceWorker.ready.then((reg) => {
        if (!reg.active) return;
        reg.active.postMessage({type: "pages", forget: changed, warm: warm});
        localStorage.setItem("inklusi-user", user || "");
        if (warm) sessionStorage.setItem("inklusi-warm", "1");
      });
    }).catch(() => null);
    navigator.serviceWorker.addEventListener("message", (event) => {
      if (event.data && event.data.type === "flush") flush();
    });
  }
  if (!user || !idb) return;
  const store = idb.createStore("inklusi-offline", "records");

  // Keys ---------------------------------------------------------------------------------
  const draftKey = (path) => ["draft", user, path];
  const outboxKey = (id) => ["outbox", user, id];
  const mine = (kind) => idb.entries(store).then((all) =>
    all.filter(([key]) => key[0] === kind && key[1] === user));

  function newKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function csrfToken() {
    const m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  // Status line at the foot of the screen --------------------------------------------------
  let bar;
  function say(text, progress) {
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "offline-status";
      bar.setAttribute("role", "status");
      bar.innerHTML = "<span></span><progress max='100' hidden></progress>";
      body.appendChild(bar);
    }
    bar.hidden = !text;
    bar.firstChild.textContent = text || "";
    bar.lastChild.hidden = progress === undefined;
    if (progress !== undefined) bar.lastChild.value = progress;
  }

  // Photos: long side 1,600 px, JPEG ------------------------------------------------------
  function shrink(file) {
    if (!window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file).then((bitmap) => {
      const scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise((done) => canvas.toBlob((blob) => done(blob || file), "image/jpeg", QUALITY));
    }).catch(() => file); // a format the browser cannot read goes as it is; the server decides
  }

  // Sending ------------------------------------------------------------------------------
  // One POST with upload progress: {status, url, text}, status 0 when nothing came back.
  function post(url, data, onProgress) {
    return new Promise((done) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("X-CSRFToken", csrfToken());
      if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round(100 * e.loaded / e.total));
      xhr.onload = () => done({status: xhr.status, url: xhr.responseURL, text: xhr.responseText});
      xhr.onerror = xhr.ontimeout = xhr.onabort = () => done({status: 0});
      xhr.timeout = 120000;
      xhr.send(data);
    });
  }

  function formData(item) {
    const data = new FormData();
    item.fields.forEach(([name, value]) => {
      data.append(name, name === "csrfmiddlewaretoken" ? csrfToken() || value : value);
    });
    (item.photos || []).forEach((photo) => data.append("photos", photo.blob, photo.name));
    return data;
  }

  const pathOf = (url) => new URL(url, location.href).pathname;
  // Put the server's answer on screen as if the browser had posted the form itself (its
  // message, shown once, is in this answer).
  function show(answer) {
    if (answer.url) history.pushState(null, "", answer.url);
    document.open(); document.write(answer.text); document.close();
  }

  // Send one outbox record. `shown`: the user is watching (follow the answer on screen).
  let sending = false;
  function send(item, shown) {
    say(item.title, 0);
    return post(item.url, formData(item), (p) => say(item.title, p)).then((answer) => {
      say("");
      const at = answer.url ? pathOf(answer.url) : "";
      if (answer.status === 0 || answer.status >= 500 || answer.status === 403 || at === body.dataset.login) {
        item.state = "waiting";
        return idb.set(outboxKey(item.id), item, store).then(() => false);
      }
      if (answer.status === 409) {
        item.state = "conflict";
        return idb.set(outboxKey(item.id), item, store).then(() => { if (shown) show(answer); return true; });
      }
      if (at === pathOf(item.url)) {
        // The server asked for changes: back to a draft (photos too), the form with its errors.
        return idb.set(draftKey(at), {fields: item.fields, photos: item.photos, title: item.title, saved: Date.now()}, store)
          .then(() => idb.del(outboxKey(item.id), store))
          .then(() => { if (shown) show(answer); return true; });
      }
      return idb.del(outboxKey(item.id), store).then(() => {
        if (shown) show(answer);
        return true;
      });
    });
  }

  function flush() {
    if (sending || !navigator.onLine) return Promise.resolve();
    sending = true;
    return mine("outbox").then((items) => items.reduce(
      (chain, [, item]) => chain.then(() => item.state === "conflict" ? null : send(item, false)),
      Promise.resolve()
    )).finally(() => { sending = false; renderOutbox(); });
  }

  function later() {
    navigator.serviceWorker && navigator.serviceWorker.ready.then((reg) => reg.sync && reg.sync.register("outbox")).catch(() => null);
  }

  // Forms that work with no signal: <form data-offline="kind"> -----------------------------
  function fieldsOf(form) {
    return Array.from(new FormData(form).entries()).filter(([name, value]) => typeof value === "string");
  }

  function restore(form, draft) {
    form.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = false; });
    const seen = {};
    draft.fields.forEach(([name, value]) => {
      if (name === "csrfmiddlewaretoken") return;
      const inputs = form.querySelectorAll("[name='" + CSS.escape(name) + "']");
      const n = seen[name] = (seen[name] || 0);
      inputs.forEach((input, i) => {
        if (input.type === "checkbox" || input.type === "radio") {
          if (input.value === value) input.checked = true;
        } else if (input.type !== "file" && i === n) {
          input.value = value;
        }
      });
      seen[name] = n + 1;
    });
  }

  function offlineForm(form) {
    const path = location.pathname;
    const fileInput = form.querySelector("input[type=file][name=photos]");
    let photos = [];
    const list = document.createElement("ul");
    list.className = "offline-photos";
    if (fileInput) fileInput.after(list);

    function drawPhotos() {
      list.innerHTML = "";
      photos.forEach((photo, i) => {
        const li = document.createElement("li");
        li.textContent = photo.name + " · " + Math.round(photo.blob.size / 1024) + " KB ";
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "btn-small btn-secondary";
        remove.textContent = "×";
        remove.setAttribute("aria-label", form.dataset.remove);
        remove.addEventListener("click", () => { photos.splice(i, 1); drawPhotos(); save(); });
        li.appendChild(remove);
        list.appendChild(li);
      });
    }

    let timer;
    function save() {
      return idb.set(draftKey(path), {fields: fieldsOf(form), photos: photos, title: titleOf(form), kind: form.dataset.offline, saved: Date.now()}, store);
    }
    const soon = () => { clearTimeout(timer); timer = setTimeout(save, 300); };

    idb.get(draftKey(path), store).then((draft) => {
      if (draft) {
        restore(form, draft);
        photos = draft.photos || [];
        drawPhotos();
        noteDraft(form, () => idb.del(draftKey(path), store).then(() => location.reload()));
      } else if (!form.elements.seen_version.value) {
        // A new record: its own key, even on a page copy kept for offline use.
        form.elements.client_key.value = newKey();
      }
      form.addEventListener("input", soon);
      form.addEventListener("change", soon);
    });

    if (fileInput) fileInput.addEventListener("change", () => {
      const chosen = Array.from(fileInput.files);
      fileInput.value = ""; // the small copies go, never the camera's originals
      Promise.all(chosen.map((file) => shrink(file).then((blob) => ({blob: blob, name: file.name.replace(/\.\w+$/, "") + ".jpg"}))))
        .then((small) => { photos = photos.concat(small); drawPhotos(); save(); });
    });

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      const fields = fieldsOf(form);
      if (event.submitter && event.submitter.name) fields.push([event.submitter.name, event.submitter.value]);
      const item = {
        id: form.elements.client_key.value || newKey(),
        url: new URL(form.getAttribute("action") || "", location.href).href,
        kind: form.dataset.offline,
        title: titleOf(form),
        fields: fields,
        photos: photos,
        created: Date.now(),
        state: "waiting",
      };
      idb.set(outboxKey(item.id), item, store)
        .then(() => idb.del(draftKey(path), store))
        .then(() => navigator.onLine ? send(item, true) : false)
        .then((done) => {
          if (!done) {
            later();
            location.assign(body.dataset.outbox);
          }
        });
    });
  }

  // "Draft from this phone" above the form, with a button to throw it away.
  function noteDraft(form, discard) {
    const note = document.createElement("p");
    note.className = "msg msg-warning";
    note.textContent = form.dataset.draft + " ";
    note.appendChild(button(form.dataset.discard, discard, true));
    form.before(note);
  }

  function titleOf(form) {
    const title = form.querySelector("input[name=title]");
    return (form.dataset.offline || "") + (title && title.value ? ": " + title.value : "");
  }

  // A small form that must get through once (Bimtek check-in): retried until it does -------
  function retryForm(form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      let wait = 2000;
      const attempt = () => post(new URL(form.getAttribute("action") || "", location.href).href, data).then((answer) => {
        if (answer.status && answer.status < 500) {
          show(answer);
        } else {
          say(form.dataset.retry);
          setTimeout(attempt, wait);
          wait = Math.min(wait * 2, 30000);
        }
      });
      attempt();
    });
  }

  // The outbox page ----------------------------------------------------------------------
  const page = document.querySelector("[data-outbox-page]");
  function button(text, onClick, secondary) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.className = "btn-small" + (secondary ? " btn-secondary" : "");
    b.addEventListener("click", onClick);
    return b;
  }
  function renderOutbox() {
    if (!page) return;
    const d = page.dataset;
    const fill = (listId, emptyId, entries, actions) => {
      const list = document.getElementById(listId);
      list.innerHTML = "";
      document.getElementById(emptyId).hidden = entries.length > 0;
      entries.forEach(([key, item]) => {
        const li = document.createElement("li");
        const what = document.createElement("strong");
        what.textContent = item.title || d.tDraft;
        const info = document.createElement("span");
        info.className = "muted";
        info.textContent = " " + new Date(item.created || item.saved).toLocaleString() + " · " + (item.photos || []).length + " " + d.tPhotos + (item.state === "conflict" ? " · " + d.tConflict : item.state ? " · " + d.tWaiting : "");
        li.append(what, info, ...actions(key, item));
        list.appendChild(li);
      });
    };
    const remove = (key) => () => { if (confirm(d.tConfirm)) idb.del(key, store).then(renderOutbox); };
    mine("outbox").then((items) => fill("outbox-waiting", "outbox-empty", items, (key, item) => [
      button(d.tSend, () => send(item, true).then(renderOutbox)),
      button(d.tDelete, remove(key), true),
    ]));
    mine("draft").then((drafts) => fill("outbox-drafts", "drafts-empty", drafts, (key) => {
      const open = document.createElement("a");
      open.href = key[2];
      open.className = "btn btn-small";
      open.textContent = d.tOpen;
      return [open, button(d.tDelete, remove(key), true)];
    }));
  }

  document.querySelectorAll("form[data-offline]").forEach(offlineForm);
  document.querySelectorAll("form[data-retry]").forEach(retryForm);
  renderOutbox();
  window.addEventListener("online", flush);
  flush();
})();
