/* Reading comfort controls: text size and light/dark/sepia colours,
   remembered in localStorage. Without JavaScript the page simply follows
   the system's colour setting at the default size. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = [0.875, 1, 1.125, 1.25, 1.4];
  var THEMES = [["auto", "Otomatis"], ["light", "Terang"], ["dark", "Gelap"], ["sepia", "Sepia"]];

  function load(key, fallback) {
    try { return window.localStorage.getItem(key) || fallback; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function applySize(step) {
    root.style.fontSize = (SIZES[step] * 100) + "%";
    root.setAttribute("data-size", String(step));
  }
  function applyTheme(theme) {
    if (theme === "auto") { root.removeAttribute("data-theme"); } else { root.setAttribute("data-theme", theme); }
  }

  var size = Math.min(SIZES.length - 1, Math.max(0, parseInt(load("nd-size", "1"), 10) || 0));
  var theme = load("nd-theme", "auto");
  applySize(size);
  applyTheme(theme);

  function button(label, title, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    // the visible text starts the accessible name (WCAG 2.5.3, label in name)
    b.setAttribute("aria-label", label + " " + title);
    b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }

  document.addEventListener("DOMContentLoaded", function () {
    // a printed page names the address it was read at
    var address = document.querySelector(".print-address");
    if (address && /^https?:/.test(location.href)) { address.textContent = location.href; }
    var place = document.getElementById("kenyamanan");
    if (!place) { return; }
    var group = document.createElement("div");
    group.className = "comfort";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Tampilan bacaan");
    group.appendChild(button("A−", "Perkecil huruf", function () {
      size = Math.max(0, size - 1); applySize(size); save("nd-size", String(size));
    }));
    group.appendChild(button("A+", "Perbesar huruf", function () {
      size = Math.min(SIZES.length - 1, size + 1); applySize(size); save("nd-size", String(size));
    }));
    var label = document.createElement("label");
    var words = document.createElement("span");
    words.className = "comfort-label";  // hidden on a phone, still the select's name
    words.textContent = "Warna ";
    label.appendChild(words);
    var select = document.createElement("select");
    select.id = "tema";
    THEMES.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      if (pair[0] === theme) { option.selected = true; }
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      theme = select.value; applyTheme(theme); save("nd-theme", theme);
    });
    label.appendChild(select);
    group.appendChild(label);
    place.appendChild(group);
  });
}());
