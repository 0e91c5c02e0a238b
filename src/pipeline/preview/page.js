// The preview page: asks /status a few times a second and, when a new build is there,
// swaps the pages that changed (unchanged ones stay, so the scroll position holds) and shows
// or hides the problems. Text from the server is set with textContent only.
"use strict";
(function () {
  const body = document.body;
  const pages = document.getElementById("pages");
  const state = document.getElementById("state");
  const panel = document.getElementById("problems");
  const title = document.getElementById("problems-title");
  const list = document.getElementById("problem-list");
  const empty = document.getElementById("empty");
  let shown = -1;

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function showPages(status) {
    status.pages.forEach(function (p, i) {
      let img = pages.children[i];
      if (!img) {
        img = document.createElement("img");
        img.alt = "Page " + (i + 1);
        img.loading = "lazy";
        pages.appendChild(img);
      }
      // The size is set before the picture arrives, so the layout (and the scroll
      // position) does not move while pages load.
      img.width = Math.round(p.width * 4 / 3);
      img.height = Math.round(p.height * 4 / 3);
      img.style.maxWidth = img.width + "px";
      if (img.dataset.key !== p.key) {
        const url = "/page/" + i + ".svg?k=" + p.key;
        img.dataset.key = p.key;
        if (img.complete && img.naturalWidth > 0) {
          // Keep the old picture until the new one is ready: no flash.
          const next = new Image();
          next.onload = function () { if (img.dataset.key === p.key) { img.src = url; } };
          next.src = url;
        } else {
          img.src = url;
        }
      }
    });
    while (pages.children.length > status.pages.length) {
      pages.removeChild(pages.lastChild);
    }
    empty.hidden = status.pages.length > 0;
  }

  function showProblems(status) {
    list.textContent = "";
    const errors = status.problems.filter(function (d) { return d.severity === "error"; }).length;
    const warnings = status.problems.length - errors;
    status.problems.forEach(function (d) {
      const li = document.createElement("li");
      li.className = "severity-" + d.severity;
      const where = document.createElement("span");
      where.className = "where";
      let place = d.file || "";
      if (d.line > 0) { place += ":" + d.line + (d.column > 0 ? ":" + d.column : ""); }
      where.textContent = place ? place + " " : "";
      const severity = document.createElement("span");
      severity.className = "severity";
      severity.textContent = d.severity + ": ";
      const message = document.createElement("span");
      message.className = "message";
      message.textContent = d.message;
      li.append(where, severity, message);
      if (d.hint) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = "hint: " + d.hint;
        li.appendChild(hint);
      }
      list.appendChild(li);
    });
    if (status.failed) {
      title.textContent = "The last save could not be built (" + plural(errors, "error") +
        (warnings ? ", " + plural(warnings, "warning") : "") + ")" +
        (status.pages.length ? ": the pages below are from the last good build" : "");
    } else {
      title.textContent = plural(warnings, "warning") + " (the report was built)";
    }
    panel.classList.toggle("warnings-only", !status.failed);
    // Errors are always shown open; warnings start folded (a click shows them) and stay as
    // the reader left them while the build stays good.
    if (status.failed) {
      panel.open = true;
    } else if (body.dataset.state !== "ok") {
      panel.open = false;
    }
    panel.hidden = status.problems.length === 0;
  }

  function show(status) {
    document.getElementById("folder").textContent = status.folder;
    showPages(status);
    showProblems(status);
    const time = new Date().toLocaleTimeString();
    if (status.failed) {
      state.textContent = "Not updated: fix the problems and save (checked " + time + ")";
    } else {
      state.textContent = "Up to date: " + (status.written || "") + " · " + time;
    }
    body.dataset.state = status.failed ? "error" : "ok";
    body.dataset.version = String(status.version);
  }

  function poll() {
    fetch("/status", { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (status) {
        if ((status.version !== shown || body.dataset.state === "gone") && status.version > 0) {
          shown = status.version;
          show(status);
        }
        setTimeout(poll, 300);
      })
      .catch(function () {
        body.dataset.state = "gone";
        state.textContent = "amicus preview has stopped: the pages are those of its last build";
        setTimeout(poll, 2000);
      });
  }
  poll();
})();
