/* The archive's tables, sortable and filterable in the browser. Written by `archive build` into
   docs/assets/ and named in mkdocs.yml's extra_javascript.

   Every table is complete without this script, in the order the page gives it: the script only adds
   controls to the tables the builder marks (a div.archive-table around a Markdown table):
   - click a column heading to sort by it (again to reverse); dates sort as dates (<time datetime>);
   - type words to keep only the rows holding all of them;
   - choose a value in a column's box (data-filters names the columns) to keep the rows having it:
     a cell's values are its [data-value] elements where it has any, else its text.
   No framework and nothing from the network. It runs on a full page load, and again on each page
   Material's instant navigation brings in (its document$ observable), where that is switched on. */
(function () {
  "use strict";

  var collator = typeof Intl !== "undefined" && Intl.Collator
    ? new Intl.Collator(undefined, { numeric: true, sensitivity: "base" })
    : null;
  var NUMBER = /^-?\d+(?:\.\d+)?$/;

  function textOf(node) {
    return (node.textContent || "").replace(/\s+/g, " ").trim();
  }

  function keyOf(cell) {
    var time = cell && cell.querySelector("time[datetime]");
    if (time) {
      return { kind: "date", value: time.getAttribute("datetime") };
    }
    var text = cell ? textOf(cell) : "";
    if (NUMBER.test(text)) {
      return { kind: "number", value: parseFloat(text) };
    }
    return { kind: "text", value: text };
  }

  function compare(a, b) {
    if (a.kind === b.kind && a.kind === "number") {
      return a.value - b.value;
    }
    if (a.kind === b.kind && a.kind === "date") {
      return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    }
    var x = String(a.value);
    var y = String(b.value);
    if (collator) {
      return collator.compare(x, y);
    }
    x = x.toLowerCase();
    y = y.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function valuesOf(cell) {
    if (!cell) {
      return [];
    }
    var marked = cell.querySelectorAll("[data-value]");
    if (marked.length) {
      return Array.prototype.map.call(marked, function (node) {
        return node.getAttribute("data-value");
      });
    }
    var text = textOf(cell);
    return text ? [text] : [];
  }

  var controlsMade = 0;

  function labelled(text, control) {
    controlsMade += 1;
    control.id = "archive-table-control-" + controlsMade;
    var label = document.createElement("label");
    label.htmlFor = control.id;
    label.textContent = text;
    var field = document.createElement("div");
    field.className = "archive-table-field";
    field.appendChild(label);
    field.appendChild(control);
    return field;
  }

  function enhance(wrapper) {
    if (wrapper.hasAttribute("data-enhanced")) {
      return;
    }
    var table = wrapper.querySelector("table");
    if (!table || !table.tHead || !table.tHead.rows.length || !table.tBodies.length) {
      return;
    }
    wrapper.setAttribute("data-enhanced", "true");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var noun = wrapper.getAttribute("data-label") || "rows";
    var items = Array.prototype.map.call(body.rows, function (row, index) {
      return {
        row: row,
        index: index,
        text: textOf(row).toLowerCase(),
        keys: headers.map(function (_, column) { return keyOf(row.cells[column]); }),
        values: headers.map(function (_, column) { return valuesOf(row.cells[column]); })
      };
    });

    var controls = document.createElement("div");
    controls.className = "archive-table-controls";
    var search = document.createElement("input");
    search.type = "search";
    search.className = "archive-table-search";
    search.setAttribute("placeholder", "Words in any column");
    search.setAttribute("autocomplete", "off");
    controls.appendChild(labelled("Filter", search));

    var filters = [];
    (wrapper.getAttribute("data-filters") || "").split(",").forEach(function (name) {
      name = name.trim();
      var column = headers.map(textOf).indexOf(name);
      if (!name || column < 0) {
        return;
      }
      var seen = {};
      items.forEach(function (item) {
        item.values[column].forEach(function (value) { seen[value] = true; });
      });
      var select = document.createElement("select");
      select.className = "archive-table-filter";
      select.setAttribute("data-column", name);
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "All";
      select.appendChild(all);
      Object.keys(seen).sort(function (a, b) {
        return compare({ kind: "text", value: a }, { kind: "text", value: b });
      }).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      controls.appendChild(labelled(name, select));
      filters.push({ column: column, select: select });
    });

    var count = document.createElement("p");
    count.className = "archive-table-count";
    count.setAttribute("aria-live", "polite");
    controls.appendChild(count);
    wrapper.insertBefore(controls, wrapper.firstChild);

    function apply() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var visible = words.every(function (word) { return item.text.indexOf(word) >= 0; }) &&
          filters.every(function (filter) {
            return !filter.select.value || item.values[filter.column].indexOf(filter.select.value) >= 0;
          });
        item.row.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      count.textContent = shown === items.length
        ? "All " + items.length + " " + noun + "."
        : "Showing " + shown + " of " + items.length + " " + noun + ".";
    }

    var sorted = (wrapper.getAttribute("data-sorted") || "").split(":");
    var state = { column: parseInt(sorted[0], 10), direction: sorted[1] || "" };

    function mark() {
      headers.forEach(function (header, column) {
        if (column === state.column && state.direction) {
          header.setAttribute("aria-sort", state.direction);
        } else {
          header.removeAttribute("aria-sort");
        }
      });
    }

    function sortBy(column) {
      var direction = state.column === column && state.direction === "ascending" ? "descending" : "ascending";
      var sign = direction === "ascending" ? 1 : -1;
      state = { column: column, direction: direction };
      // Rows that compare equal keep the page's own order (a meeting's resolutions in minute order).
      items.sort(function (a, b) {
        return sign * compare(a.keys[column], b.keys[column]) || a.index - b.index;
      });
      var fragment = document.createDocumentFragment();
      items.forEach(function (item) { fragment.appendChild(item.row); });
      body.appendChild(fragment);
      mark();
    }

    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "archive-sort";
      button.setAttribute("title", "Sort by this column");
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(column); });
    });

    search.addEventListener("input", apply);
    filters.forEach(function (filter) { filter.select.addEventListener("change", apply); });
    mark();
    apply();
  }

  function enhanceAll() {
    var found = document.querySelectorAll("div.archive-table");
    for (var i = 0; i < found.length; i += 1) {
      enhance(found[i]);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhanceAll);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
}());
