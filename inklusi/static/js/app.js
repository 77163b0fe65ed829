// Small behaviours for Inklusi pages; everything works without them, they only save taps.
(function () {
  "use strict";

  // Phone menu: the Menu button shows and hides the main navigation.
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".menu-toggle");
    var nav = document.getElementById("mainnav");
    if (!toggle || !nav) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  // Search pickers: a result fills the value box and shows the chosen name.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-pick-value]");
    if (!button) return;
    event.preventDefault();
    var picker = button.closest(".picker");
    var input = picker.querySelector(".picker-code");
    input.value = button.dataset.pickValue;
    picker.querySelector(".picker-chosen").textContent = button.dataset.pickLabel;
    picker.querySelector(".picker-results").innerHTML = "";
    var search = picker.querySelector(".picker-search");
    search.value = "";
    search.focus();
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  // Search pickers: the search box has no name (it is never sent with the form), so its text
  // goes to the search view as q here.
  document.addEventListener("htmx:configRequest", function (event) {
    var box = event.detail.elt;
    if (box.classList && box.classList.contains("picker-search")) {
      event.detail.parameters.q = box.value;
    }
  });

  // A part folded on phones (the dashboard's full table) opens by itself on a wide screen.
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia("(min-width: 900px)").matches) return;
    document.querySelectorAll("details[data-open-when-wide]").forEach(function (part) {
      part.open = true;
    });
  });

  // Comment mentions: a person picked under the comment box is written into it as @address.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-mention]");
    if (!button) return;
    event.preventDefault();
    var form = button.closest("form");
    var box = form.querySelector("textarea");
    var gap = box.value && !/\s$/.test(box.value) ? " " : "";
    box.value += gap + "@" + button.dataset.mention + " ";
    form.querySelector(".mention-results").innerHTML = "";
    form.querySelector("input[type=search]").value = "";
    box.focus();
  });

  // Parts of a form that only matter for some values of a select (data-show-when="select id",
  // data-show-values="a b"); with no value chosen yet, everything shows.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-show-when]").forEach(function (part) {
      var select = document.getElementById(part.dataset.showWhen);
      if (!select) return;
      var values = part.dataset.showValues.split(" ");
      function update() { part.hidden = select.value !== "" && values.indexOf(select.value) < 0; }
      select.addEventListener("change", update);
      update();
    });
  });

  // Monitoring map: each library (or region) as a circle coloured by its activity level. Works
  // without tiles (MAP_TILE_URL empty or unreachable): the circles are drawn all the same.
  var LEVEL_COLOURS = { active: "#198754", some: "#f0ad4e", none: "#dc3545" };
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-dashboard-map]");
    if (!box || !window.L) return;
    var data = document.getElementById(box.dataset.dashboardMap);
    var points = data ? JSON.parse(data.textContent) : [];
    if (!points.length) return;
    var map = L.map(box);
    if (box.dataset.tiles) {
      L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
    }
    var bounds = [];
    points.forEach(function (p) {
      var radius = p.libraries ? Math.min(22, 5 + Math.sqrt(p.libraries)) : 7;
      var circle = L.circleMarker([p.lat, p.lng], {
        radius: radius, color: "#374151", weight: 1, fillColor: LEVEL_COLOURS[p.level], fillOpacity: 0.85
      }).addTo(map);
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.name;
      var text = document.createElement("div");
      text.appendChild(link);
      text.appendChild(document.createElement("br"));
      text.appendChild(document.createTextNode(box.dataset.activitiesLabel + ": " + p.activities));
      circle.bindPopup(text);
      bounds.push([p.lat, p.lng]);
    });
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
  });

  // An address pointing into a folded part (a plan's "#activity-12") opens it first.
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target) target.scrollIntoView();
  }
  document.addEventListener("DOMContentLoaded", openTarget);
  window.addEventListener("hashchange", openTarget);

  // Forms that undo something ask first (data-confirm holds the question).
  document.addEventListener("submit", function (event) {
    var question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Location picker: a Leaflet map beside the latitude/longitude inputs, when Leaflet loaded.
  function setUpMap(box) {
    if (!window.L) return;
    // Hashed static file names hide Leaflet's marker images from its own path guessing.
    var images = document.body.dataset;
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      iconUrl: images.markerIcon, iconRetinaUrl: images.markerIcon2x, shadowUrl: images.markerShadow
    });
    var lat = document.getElementById(box.dataset.latInput);
    var lng = document.getElementById(box.dataset.lngInput);
    var readOnly = !lat;
    var start = readOnly
      ? [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)]
      : [parseFloat(lat.value), parseFloat(lng.value)];
    var hasPoint = !isNaN(start[0]) && !isNaN(start[1]);
    var map = L.map(box).setView(hasPoint ? start : [-2.5, 118], hasPoint ? 15 : 4);
    if (box.dataset.tiles) {
      L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
    }
    var marker = hasPoint ? L.marker(start).addTo(map) : null;
    if (readOnly) return;
    function place(latlng) {
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
      lat.value = latlng.lat.toFixed(6);
      lng.value = latlng.lng.toFixed(6);
    }
    map.on("click", function (e) { place(e.latlng); });
    // A pasted "lat, lng" pair fills both boxes; a decimal comma reads as a point.
    function number(text) {
      return /^\s*[-\u2212]?\d+([.,]\d+)?\s*$/.test(text)
        ? parseFloat(text.replace(",", ".").replace("\u2212", "-")) : NaN;
    }
    [lat, lng].forEach(function (input) {
      input.addEventListener("change", function () {
        var pair = input.value.match(/^\s*([-\u2212]?\d+(?:\.\d+)?)\s*[,;]\s*([-\u2212]?\d+(?:\.\d+)?)\s*$/);
        if (pair) { lat.value = pair[1]; lng.value = pair[2]; }
        var p = [number(lat.value), number(lng.value)];
        if (!isNaN(p[0]) && !isNaN(p[1])) { place(L.latLng(p)); map.setView(p, 15); }
      });
    });
    var locate = document.getElementById(box.dataset.locateButton);
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (pos) {
          var p = L.latLng(pos.coords.latitude, pos.coords.longitude);
          place(p); map.setView(p, 16);
        });
      });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map]").forEach(setUpMap);
  });
})();
