/* The site's search: Material's search box and results panel (partials/search.html), searching the
   Pagefind index that `archive build` writes into the site's pagefind/ folder (and the bundles it
   lists there, merged into it).

   - Nothing of Pagefind's is loaded until someone opens the search or starts typing: then
     pagefind/pagefind.js is imported once, from the site's root (also when the site is served from
     a sub-path), and fetches only the parts of the index the words typed need.
   - Results are drawn in Material's result markup. Each page links to its best matching parts: an
     item (its heading), a resolution (its box), a page of a document's text, so a click lands on
     the anchor, not the top of a long page. Each shows its committee, date and kind.
   - Filters (committee, year, kind) narrow the results; their values come from the index.
   - Everything taken from the index is written into the page as text (textContent), never as HTML:
     titles, metadata, and the words of each excerpt, with only the matched words put in <mark>
     elements made here. So no document's text can become markup or script in the results.
   - Keys as in Material: "/", "s" or "f" opens the search, Escape closes it, the arrow keys move
     through the results, Enter follows the best one. */
(function () {
  "use strict";

  var box = document.querySelector("[data-archive-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) {
    return;
  }
  var form = box.querySelector("form");
  var query = box.querySelector("[data-archive-search-query]");
  var scrollwrap = box.querySelector(".md-search__scrollwrap");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var filterBox = box.querySelector("[data-archive-search-filters]");
  var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-filter]"));

  var PAGE_SIZE = 10;        // results drawn at once; more as the list is scrolled
  var SHOWN_PARTS = 3;       // matching parts of a page shown at once; the rest behind "more on this page"
  var EXCERPT_WORDS = 26;
  var SEARCHING = "Searching\u2026";
  var UNAVAILABLE = "Search is not available here: the search index could not be loaded.";

  var config = readConfig();
  var root = siteRoot(config);
  var words = translations(config);
  var OPTIONS = { baseUrl: root.pathname, excerptLength: EXCERPT_WORDS };
  var pagefind = null;       // the promise of Pagefind's module, once loading has started
  var generation = 0;        // the latest search: results of an earlier one are dropped
  var observer = null;

  function readConfig() {
    var element = document.getElementById("__config");
    try {
      return JSON.parse(element.textContent) || {};
    } catch (error) {
      return {};
    }
  }

  /* The site's root, from Material's base URL (relative to this page), read once: with Material's
     instant navigation this script is not run again on the pages it brings in. */
  function siteRoot(settings) {
    var url = new URL(settings.base || ".", window.location.href);
    url.search = "";
    url.hash = "";
    if (!/\/$/.test(url.pathname)) {
      url.pathname += "/";
    }
    return url;
  }

  function translations(settings) {
    var given = settings.translations || {};
    function t(key, fallback) {
      return typeof given[key] === "string" ? given[key] : fallback;
    }
    return {
      placeholder: t("search.result.placeholder", "Type to start searching"),
      none: t("search.result.none", "No matching documents"),
      one: t("search.result.one", "1 matching document"),
      other: t("search.result.other", "# matching documents"),
      moreOne: t("search.result.more.one", "1 more on this page"),
      moreOther: t("search.result.more.other", "# more on this page")
    };
  }

  /* --- Loading Pagefind, once --------------------------------------------------------------- */

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href)
        .then(function (module) {
          return Promise.resolve(module.options(OPTIONS)).then(function () { return merged(module); });
        })
        .then(function (module) {
          fillFilters(module);
          return module;
        });
      pagefind.catch(function () {
        meta.textContent = UNAVAILABLE;
      });
    }
    return pagefind;
  }

  /* The index is in bundles (see archive_builder/search_bundles.py): the primary one lists the
     others, which are merged into it before the first search; a bundle that cannot be merged leaves
     the search to the others. */
  function merged(module) {
    return fetch(new URL("pagefind/archive-bundles.json", root).href)
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (bundles) {
        var paths = Array.isArray(bundles.merge) ? bundles.merge : [];
        return Promise.all(paths.map(function (path) {
          return Promise.resolve(module.mergeIndex(new URL(path, root).href, OPTIONS)).catch(function () {});
        }));
      })
      .then(function () { return module; });
  }

  function fillFilters(module) {
    if (!filterBox || !selects.length) {
      return;
    }
    Promise.resolve(module.filters()).then(function (available) {
      var shown = 0;
      selects.forEach(function (select) {
        var key = select.getAttribute("data-filter");
        var values = Object.keys((available && available[key]) || {});
        values.sort(key === "year" ? function (a, b) { return a < b ? 1 : a > b ? -1 : 0; } : byName);
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
        var label = select.closest("label");
        if (label) {
          label.hidden = values.length < 2;
        }
        shown += values.length < 2 ? 0 : 1;
      });
      filterBox.hidden = shown === 0;
    }).catch(function () { /* searching works without the filters */ });
  }

  function byName(a, b) {
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) {
        chosen[select.getAttribute("data-filter")] = select.value;
      }
    });
    return chosen;
  }

  /* --- Searching ------------------------------------------------------------------------------ */

  function run() {
    var term = query.value.trim();
    var filters = chosenFilters();
    var mine = ++generation;
    if (!term && !Object.keys(filters).length) {
      clearList();
      meta.textContent = words.placeholder;
      return;
    }
    meta.textContent = SEARCHING;
    load()
      .then(function (module) {
        return module.debouncedSearch(term || null, { filters: filters }, 150);
      })
      .then(function (search) {
        if (search && mine === generation) {
          show(search, mine);
        }
      })
      .catch(function () {
        if (mine === generation) {
          meta.textContent = UNAVAILABLE;
        }
      });
  }

  function show(search, mine) {
    var results = search.results || [];
    if (!results.length) {
      clearList();
      meta.textContent = words.none;
      return;
    }
    drawFrom(results, 0, mine);
  }

  function clearList() {
    if (observer) {
      observer.disconnect();
      observer = null;
    }
    list.textContent = "";
  }

  function drawFrom(results, start, mine) {
    var batch = results.slice(start, start + PAGE_SIZE);
    Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== generation) {
        return;
      }
      if (start === 0) {
        // The count and the first results change together, once the results are at hand.
        clearList();
        meta.textContent = results.length === 1 ? words.one : words.other.replace("#", String(results.length));
      }
      pages.forEach(function (data) {
        list.appendChild(resultItem(data));
      });
      var next = start + PAGE_SIZE;
      if (next < results.length) {
        moreWhenSeen(function () { drawFrom(results, next, mine); });
      }
    }).catch(function () {
      if (mine === generation && start === 0) {
        meta.textContent = UNAVAILABLE;
      }
    });
  }

  /* The next results are drawn when the end of the list scrolls into view, as in Material. */
  function moreWhenSeen(draw) {
    var sentinel = document.createElement("li");
    sentinel.className = "archive-search-sentinel";
    sentinel.setAttribute("aria-hidden", "true");
    list.appendChild(sentinel);
    if (!("IntersectionObserver" in window)) {
      list.removeChild(sentinel);
      draw();
      return;
    }
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        observer = null;
        if (sentinel.parentNode) {
          sentinel.parentNode.removeChild(sentinel);
        }
        draw();
      }
    }, { root: scrollwrap });
    observer.observe(sentinel);
  }

  /* --- A page's matching parts ------------------------------------------------------------------ */

  /* Pagefind gives a page's text as words, the positions of the matching words, and the elements
     with ids and where they start. A page splits into parts at its headings (items and other
     sections), at each resolution's box (div#item-...) and at each page of a document's text
     (div#page-N); the part before the first of them is the page itself. */
  function partsOf(data) {
    var content = String(data.content || "");
    var text = content.indexOf("\u200B") >= 0 ? content.split("\u200B") : content.split(/[\r\n\s]+/g);
    var scores = {};
    (data.weighted_locations || []).forEach(function (hit) {
      scores[hit.location] = (scores[hit.location] || 0) + (hit.balanced_score || 0);
    });
    var hits = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    var pageUrl = safeUrl(data.url);
    var pageTitle = cleanTitle((data.meta && data.meta.title) || "");
    var anchors = (data.anchors || []).filter(isPartAnchor).sort(function (a, b) { return a.location - b.location; });

    var parts = [{ title: pageTitle, url: pageUrl, start: 0 }];
    var heading = "";
    anchors.forEach(function (anchor) {
      var element = String(anchor.element || "").toLowerCase();
      var id = String(anchor.id);
      var part;
      if (element === "h1") {
        return;  // the page's own title: still the page itself
      }
      if (/^h[2-6]$/.test(element)) {
        heading = cleanTitle(anchor.text || "");
        part = { title: heading, url: pageUrl + "#" + encodeURIComponent(id) };
      } else if (/^page-\d+$/.test(id)) {
        part = { title: "Page " + id.slice(5), url: pageUrl + "#" + encodeURIComponent(id) };
      } else {
        var label = resolutionLabel(text, anchor.location);
        part = { title: heading ? heading + ": " + label : label, url: pageUrl + "#" + encodeURIComponent(id) };
      }
      part.start = anchor.location;
      parts.push(part);
    });
    parts.forEach(function (part, index) {
      part.end = index + 1 < parts.length ? parts[index + 1].start : text.length;
      part.hits = hits.filter(function (location) { return location >= part.start && location < part.end; });
      part.score = part.hits.reduce(function (sum, location) { return sum + (scores[location] || 1); }, 0);
      // A part holding more of the words searched for comes first ("minute 47": the item with
      // "Minute 47", before the item headed "Minutes of the previous meeting").
      var terms = {};
      part.hits.forEach(function (location) { terms[termOf(text[location])] = true; });
      part.terms = Object.keys(terms).length;
    });
    return { text: text, page: parts[0], parts: parts.slice(1).filter(function (part) { return part.hits.length; }) };
  }

  /* Roughly the term a matched word stands for: Pagefind matched "minutes" for "minute" (its stem)
     and does not say which word of the query each match is for. */
  function termOf(word) {
    return String(word || "").toLowerCase().replace(/[^0-9a-z\u00c0-\uffff]+/g, "").slice(0, 5);
  }

  function isPartAnchor(anchor) {
    var element = String(anchor.element || "").toLowerCase();
    var id = String(anchor.id || "");
    if (!id) {
      return false;
    }
    if (/^h[1-6]$/.test(element)) {
      return /\w/.test(anchor.text || "");
    }
    return element === "div" && /^(item-|page-\d+$)/.test(id);
  }

  /* A resolution's box starts with its title, "Resolution (2)(a): Carried": the label is the words
     up to the colon. */
  function resolutionLabel(text, start) {
    var taken = [];
    for (var i = start; i < Math.min(text.length, start + 8); i += 1) {
      var word = String(text[i]);
      if (/:$/.test(word)) {
        taken.push(word.slice(0, -1));
        return taken.join(" ") || "Resolution";
      }
      taken.push(word);
    }
    return "Resolution";
  }

  /* Pagefind gives titles and text as plain text (a document's "<b>" is the characters "<b>"): they
     are only ever written into the page as text. */
  function cleanTitle(title) {
    return String(title).replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
  }

  /* A link is only ever to this site's own pages. */
  function safeUrl(url) {
    try {
      var resolved = new URL(String(url), root);
      if (resolved.origin !== root.origin) {
        return root.href;
      }
      return resolved.pathname + resolved.search;
    } catch (error) {
      return root.href;
    }
  }

  /* --- Drawing a result in Material's markup ---------------------------------------------------- */

  function resultItem(data) {
    var found = partsOf(data);
    var item = element("li", "md-search-result__item");
    var page = found.page;
    var parts = found.parts.slice().sort(byRelevance);
    var pageIsBest = page.hits.length > 0 && (!parts.length || byRelevance(page, parts[0]) <= 0);

    item.appendChild(article(page.url, page.score, function (body) {
      body.appendChild(element("div", "md-search-result__icon md-icon"));
      body.appendChild(element("h1", null, page.title || page.url));
      var where = whereLine(data.meta || {});
      if (where) {
        body.appendChild(element("p", "archive-search-where", where));
      }
      if (pageIsBest) {
        body.appendChild(excerpt(found.text, page));
      }
    }));
    var shown = parts.slice(0, SHOWN_PARTS);
    var more = parts.slice(SHOWN_PARTS);
    shown.forEach(function (part) { item.appendChild(partArticle(found.text, part)); });
    // Enter in the search box follows the best match of the first result: its best part, or the page.
    item.children[pageIsBest || !parts.length ? 0 : 1].setAttribute("data-archive-best", "");
    if (more.length) {
      var details = element("details", "md-search-result__more");
      var summary = element("summary");
      summary.tabIndex = -1;
      summary.appendChild(element("div", null,
        more.length === 1 ? words.moreOne : words.moreOther.replace("#", String(more.length))));
      details.appendChild(summary);
      more.forEach(function (part) { details.appendChild(partArticle(found.text, part)); });
      item.appendChild(details);
    }
    return item;
  }

  function byRelevance(a, b) {
    return b.terms - a.terms || b.score - a.score || a.start - b.start;
  }

  function whereLine(shown) {
    return ["committee", "date", "kind"]
      .map(function (key) { return typeof shown[key] === "string" ? shown[key].trim() : ""; })
      .filter(Boolean)
      .join(" \u00b7 ");
  }

  function partArticle(text, part) {
    return article(part.url, part.score, function (body) {
      body.appendChild(element("h2", null, part.title));
      body.appendChild(excerpt(text, part));
    });
  }

  function article(url, score, fill) {
    var link = element("a", "md-search-result__link");
    link.href = url;
    link.tabIndex = -1;
    var body = element("article", "md-search-result__article md-typeset");
    body.setAttribute("data-md-score", score.toFixed(2));
    fill(body);
    link.appendChild(body);
    return link;
  }

  /* The stretch of a part's words with the most matches, matched words marked. */
  function excerpt(text, part) {
    var length = Math.min(EXCERPT_WORDS, part.end - part.start);
    var best = part.start;
    var most = -1;
    part.hits.forEach(function (hit) {
      var start = Math.max(part.start, Math.min(hit - 4, part.end - length));
      var count = part.hits.filter(function (other) { return other >= start && other < start + length; }).length;
      if (count > most) {
        most = count;
        best = start;
      }
    });
    var end = Math.min(part.end, best + length);
    var marked = {};
    part.hits.forEach(function (hit) { marked[hit] = true; });
    var paragraph = element("p");
    if (best > part.start) {
      paragraph.appendChild(document.createTextNode("\u2026 "));
    }
    for (var i = best; i < end; i += 1) {
      var word = String(text[i] || "");
      if (marked[i]) {
        paragraph.appendChild(element("mark", null, word));
      } else {
        paragraph.appendChild(document.createTextNode(word));
      }
      if (i + 1 < end) {
        paragraph.appendChild(document.createTextNode(" "));
      }
    }
    if (end < part.end) {
      paragraph.appendChild(document.createTextNode(" \u2026"));
    }
    return paragraph;
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) {
      made.className = className;
    }
    if (text !== undefined && text !== null) {
      made.textContent = text;
    }
    return made;
  }

  /* --- Opening, closing, keys ------------------------------------------------------------------- */

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.click();  // as Material does: its own listeners (scroll lock on a phone) follow the toggle
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(":scope > li > a[href], details[open] a[href], summary"));
  }

  function followBest() {
    var best = list.querySelector(":scope > li.md-search-result__item [data-archive-best]");
    if (best) {
      best.click();
    }
  }

  function typingElsewhere(target) {
    if (!target || target === query) {
      return false;
    }
    var name = (target.tagName || "").toLowerCase();
    return target.isContentEditable || name === "input" || name === "textarea" || name === "select";
  }

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (!toggle.checked && target !== query) {
      if (!typingElsewhere(target) && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        query.focus();
        query.select();
      }
      return;
    }
    switch (event.key) {
      case "Escape":
        event.preventDefault();
        setOpen(false);
        query.blur();
        break;
      case "Enter":
        if (target === query) {
          event.preventDefault();
          followBest();
        }
        break;
      case "ArrowUp":
      case "ArrowDown":
        if (typingElsewhere(target)) {
          return;  // a filter's own list
        }
        var all = [query].concat(links());
        var at = Math.max(0, all.indexOf(document.activeElement));
        all[(at + all.length + (event.key === "ArrowUp" ? -1 : 1)) % all.length].focus();
        event.preventDefault();
        break;
      default:
        if (event.key && event.key.length === 1 && !typingElsewhere(target) && target !== query) {
          query.focus();
        }
    }
  });

  query.addEventListener("focus", function () {
    // After the click that focused it: a click on the search icon (a label for the toggle) toggles
    // the panel itself once its handlers have run.
    window.setTimeout(function () {
      if (document.activeElement === query) {
        setOpen(true);
      }
    }, 0);
    load();
  });
  query.addEventListener("input", run);
  selects.forEach(function (select) { select.addEventListener("change", run); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () {
      run();
      query.focus();
    }, 0);
  });

  /* Bring up the keyboard on a phone: the input must be focused within the click on the icon. */
  var opener = document.querySelector("header label[for='__search']");
  if (opener) {
    opener.addEventListener("click", function () { query.focus(); });
  }

  /* Leaving the panel (a result followed, the overlay clicked, Escape) closes it. */
  box.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("a[href]")) {
      setOpen(false);
    }
  });
  toggle.addEventListener("change", function () {
    list.hidden = !toggle.checked;
    if (!toggle.checked) {
      query.blur();
    }
  });
  list.hidden = !toggle.checked;

  /* A search passed in the address (?q=words), as Material allows. */
  var asked = new URL(window.location.href).searchParams.get("q");
  if (asked) {
    query.value = asked;
    setOpen(true);
    query.focus();
    run();
  }
}());
