/* Reading comfort controls: text size and light/dark/sepia colours,
   remembered in localStorage. Without JavaScript the page simply follows
   the system's colour setting at the default size. The words come from
   the page (data-words on #kenyamanan, from data/ui.toml), in the site's
   language.

   Also: the header's search box shows the first results as you type
   (Pagefind's JS API, loaded on first use); Enter still opens the
   search page with every result. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = [0.875, 1, 1.125, 1.25, 1.4];
  var THEMES = ["auto", "light", "dark", "sepia"];
  //: results shown under the header's box; the search page has them all
  var QUICK_RESULTS = 5;

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
    quickSearch(document.querySelector("form.search-form[data-pagefind]"));
    var place = document.getElementById("kenyamanan");
    if (!place) { return; }
    var ui = JSON.parse(place.getAttribute("data-words") || "{}");
    var group = document.createElement("div");
    group.className = "comfort";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", ui.comfort_label);
    group.appendChild(button("A−", ui.smaller, function () {
      size = Math.max(0, size - 1); applySize(size); save("nd-size", String(size));
    }));
    group.appendChild(button("A+", ui.larger, function () {
      size = Math.min(SIZES.length - 1, size + 1); applySize(size); save("nd-size", String(size));
    }));
    var label = document.createElement("label");
    var words = document.createElement("span");
    words.className = "comfort-label";  // hidden on a phone, still the select's name
    words.textContent = ui.colours + " ";
    label.appendChild(words);
    var select = document.createElement("select");
    select.id = "tema";
    THEMES.forEach(function (name) {
      var option = document.createElement("option");
      option.value = name;
      option.textContent = ui["colour_" + name];
      if (name === theme) { option.selected = true; }
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      theme = select.value; applyTheme(theme); save("nd-theme", theme);
    });
    label.appendChild(select);
    group.appendChild(label);
    place.appendChild(group);
  });

  // ---- results as you type, under the header's search box ----

  function quickSearch(form) {
    if (!form) { return; }
    var input = form.querySelector("input[type=search]");
    var list = document.createElement("ul");
    list.className = "quick-results";
    list.id = "quick-results";
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("aria-controls", list.id);
    var pagefind = null;
    var asked = 0;

    function engine() {
      if (!pagefind) {
        var url = new URL(form.getAttribute("data-pagefind"), document.baseURI);
        pagefind = import(url.href).then(function (module) {
          // result URLs are site-relative: under a sub-path too
          var base = new URL(form.getAttribute("data-site") || "./", document.baseURI).pathname;
          // the index comes in shards: the others are merged into the first
          var shards = (form.getAttribute("data-merge") || "").split(" ").filter(Boolean);
          return module.options({baseUrl: base}).then(function () {
            return Promise.all(shards.map(function (path) {
              return module.mergeIndex(new URL(path, document.baseURI).pathname, {baseUrl: base});
            }));
          }).then(function () { return module; });
        });
      }
      return pagefind;
    }
    function show(results, more) {
      list.textContent = "";
      results.forEach(function (data) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = (data.meta && data.meta.title) || data.url;  // text, never markup
        item.appendChild(link);
        // date · outlet · story, each only when known (written by the page)
        var facts = data.meta && data.meta.facts;
        if (facts) {
          var small = document.createElement("span");
          small.className = "byline";
          small.textContent = " " + facts;
          item.appendChild(small);
        }
        list.appendChild(item);
      });
      var all = document.createElement("li");
      var link = document.createElement("a");
      link.href = form.action + "?q=" + encodeURIComponent(input.value);
      link.textContent = more;
      all.appendChild(link);
      list.appendChild(all);
      list.hidden = false;
    }
    input.addEventListener("input", function () {
      var query = input.value.trim();
      var ticket = ++asked;
      if (!query) { list.hidden = true; list.textContent = ""; return; }
      engine().then(function (module) {
        return module.debouncedSearch(query, {}, 250);
      }).then(function (search) {
        if (!search || ticket !== asked) { return null; }
        return Promise.all(search.results.slice(0, QUICK_RESULTS).map(function (r) { return r.data(); }));
      }).then(function (results) {
        if (results && ticket === asked) { show(results, form.getAttribute("data-more")); }
      }).catch(function () { /* no index (yet): Enter still searches */ });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { list.hidden = true; }
    });
  }
}());
