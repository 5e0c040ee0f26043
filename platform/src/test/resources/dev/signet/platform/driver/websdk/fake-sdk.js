/* A scripted fake of ZoomMtg for the websdk driver's own tests; the emulator's stand-in SDK is the real double. */
(function (global) {
  'use strict';
  var src = document.currentScript.src;
  var origin = new URL(src).origin;
  var mode = new URL(src).pathname.split('/')[2];
  var listeners = {};
  function emit(e, d) { (listeners[e] || []).forEach(function (cb) { cb(d); }); }
  global.ZoomMtg = {
    errorCodes: { FAIL: 1, WRONG_MEETING_PASSWORD: 3004 },
    setZoomJSLib: function () {}, preLoadWasm: function () {}, prepareWebSDK: function () {},
    inMeetingServiceListener: function (e, cb) { (listeners[e] = listeners[e] || []).push(cb); },
    init: function (o) { if (mode !== 'noinit') { setTimeout(function () { o.success({}); }, 0); } },
    join: function (o) {
      var copy = {};
      Object.keys(o).forEach(function (k) { if (typeof o[k] !== 'function') { copy[k] = o[k]; } });
      fetch(origin + '/echo', { method: 'POST', body: JSON.stringify(copy) }).then(function () {
        if (mode === 'refuse') { o.error({ errorCode: 3004, errorMessage: 'Meeting Passcode wrong.', result: null }); }
        if (mode === 'join') {
          o.success({});
          emit('onUserJoin', { userId: 1, userName: o.userName, isHost: false, isGuest: true });
          emit('onUserJoin', { userId: 2, userName: 'ann', isHost: true, isGuest: false, email: 'ann@acme.example' });
        }
      });
    },
    getCurrentUser: function (o) { o.success({ result: { currentUser: { userId: 1, isHost: false } } }); },
    leaveMeeting: function (o) { fetch(origin + '/left', { method: 'POST' }).then(function () { o.success({}); }); }
  };
})(window);
