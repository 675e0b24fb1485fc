// A stand-in for the Maps JavaScript API, served on 127.0.0.1 by GoogleMapPaneTest: just what
// GMapsFX and the console call (maps, markers, positions, events), recording it in window.standIn
// for the test to read. It draws nothing.
(function () {
  var log = window.standIn = { maps: [], markers: [], moves: 0 };
  var event = {
    addListener: function (obj, name, fn) {
      obj.__listeners = obj.__listeners || {};
      (obj.__listeners[name] = obj.__listeners[name] || []).push(fn);
      return { remove: function () {} };
    },
    trigger: function (obj, name) {
      var args = Array.prototype.slice.call(arguments, 2);
      ((obj.__listeners || {})[name] || []).forEach(function (f) { f.apply(obj, args); });
    }
  };
  function LatLng(lat, lng) { this.la = lat; this.ln = lng; }
  LatLng.prototype.lat = function () { return this.la; };
  LatLng.prototype.lng = function () { return this.ln; };
  function Map(div, opts) {
    opts = opts || {};
    this.div = div;
    this.center = opts.center;
    this.zoom = opts.zoom;
    this.mapTypeId = opts.mapTypeId;
    log.maps.push(this);
  }
  Map.prototype.getZoom = function () { return this.zoom; };
  Map.prototype.setZoom = function (z) { this.zoom = z; event.trigger(this, 'zoom_changed'); };
  Map.prototype.getCenter = function () { return this.center; };
  Map.prototype.setCenter = function (c) { this.center = c; event.trigger(this, 'center_changed'); };
  Map.prototype.panTo = Map.prototype.setCenter;
  Map.prototype.getProjection = function () { return null; };
  Map.prototype.setOptions = function () {};
  function Marker(opts) {
    opts = opts || {};
    this.position = opts.position;
    this.title = opts.title;
    this.label = opts.label;
    this.map = null;
    log.markers.push(this);
  }
  Marker.prototype.setMap = function (m) { this.map = m; };
  Marker.prototype.getMap = function () { return this.map; };
  Marker.prototype.setPosition = function (p) { this.position = p; log.moves++; };
  Marker.prototype.getPosition = function () { return this.position; };
  Marker.prototype.setTitle = function (t) { this.title = t; };
  log.shown = function () { return log.markers.filter(function (m) { return m.map !== null; }).length; };
  window.google = { maps: { Map: Map, LatLng: LatLng, Marker: Marker, event: event,
      MapTypeId: { ROADMAP: 'roadmap', SATELLITE: 'satellite', HYBRID: 'hybrid', TERRAIN: 'terrain' } } };
})();
