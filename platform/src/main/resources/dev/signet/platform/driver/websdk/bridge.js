/*
 * Signet's bridge between the Meeting SDK for Web (client view, ZoomMtg) and the Java driver.
 *
 * The driver calls signetBridge.whenLoaded(done) and signetBridge.start(args, done) with executeAsyncScript (the
 * credentials arrive only as script arguments), then drains signetBridge.drain() with executeScript: a queue of
 * plain events translated from the SDK's callbacks and inMeetingServiceListener events.
 */
(function (global) {
  'use strict';

  var queue = [];
  var failedScripts = [];
  var selfId = null;
  var joined = false;
  var started = false;

  function push(event) {
    event.at = Date.now();
    queue.push(event);
  }

  function user(data) {
    data = data || {};
    return {
      userId: data.userId === undefined || data.userId === null ? '' : String(data.userId),
      userName: data.userName || data.displayName || '',
      isHost: !!data.isHost,
      email: data.email || data.userEmail || '',
      avatar: data.avatar || '',
      isGuest: data.isGuest === undefined ? true : !!data.isGuest,
      isSelf: data.isSelf === true || (selfId !== null && String(data.userId) === selfId)
    };
  }

  function each(data, fn) {
    (Array.isArray(data) ? data : [data]).forEach(fn);
  }

  function status() {
    var Z = global.ZoomMtg;
    return {
      loaded: !!Z && typeof Z.init === 'function' && typeof Z.join === 'function',
      failedScripts: failedScripts.slice(),
      crossOriginIsolated: !!global.crossOriginIsolated
    };
  }

  function describe(e) {
    e = e || {};
    var message = e.errorMessage || (typeof e.result === 'string' ? e.result : '') || e.reason || '';
    return { code: typeof e.errorCode === 'number' ? e.errorCode : Number(e.errorCode || 1), message: String(message) };
  }

  function listen(Z) {
    Z.inMeetingServiceListener('onJoinSpeed', function (d) {
      var level = d && d.level;
      if (level === 4) { push({ type: 'waiting_for_host' }); }
      if (level === 6) { push({ type: 'waiting_room' }); }
    });
    Z.inMeetingServiceListener('onUserIsInWaitingRoom', function (d) {
      if (!joined && (!d || d.isSelf !== false)) { push({ type: 'waiting_room' }); }
    });
    Z.inMeetingServiceListener('onMeetingStatus', function (d) {
      var value = d && (d.meetingStatus !== undefined ? d.meetingStatus : d.status);
      push({ type: 'meeting_status', status: Number(value) });
    });
    Z.inMeetingServiceListener('onUserJoin', function (d) {
      each(d, function (u) { push({ type: 'user_join', user: user(u) }); });
    });
    Z.inMeetingServiceListener('onUserLeave', function (d) {
      each(d, function (u) {
        var data = u && u.data && u.data.reasonCode !== undefined ? u.data : u;
        if (data && data.reasonCode !== undefined && (data.userId === undefined || String(data.userId) === selfId)) {
          push({ type: 'self_left', reasonCode: Number(data.reasonCode), errorCode: Number(data.errorCode || 0),
            reason: String(data.reason || '') });
        } else {
          push({ type: 'user_leave', user: user(data) });
        }
      });
    });
  }

  function joinArgs(args) {
    var options = {
      meetingNumber: args.meetingNumber,
      userName: args.userName,
      signature: args.signature,
      passWord: args.passWord || ''
    };
    ['userEmail', 'tk', 'zak', 'obfToken', 'recordingToken'].forEach(function (k) { if (args[k]) { options[k] = args[k]; } });
    return options;
  }

  function join(Z, args) {
    var options = joinArgs(args);
    options.success = function () {
      joined = true;
      Z.getCurrentUser({
        success: function (r) {
          var me = r && r.result && r.result.currentUser;
          if (me && me.userId !== undefined) { selfId = String(me.userId); }
          push({ type: 'joined', host: !!(me && me.isHost), selfId: selfId || '' });
        },
        error: function () { push({ type: 'joined', host: false, selfId: '' }); }
      });
    };
    options.error = function (e) {
      var d = describe(e);
      push({ type: 'join_error', code: d.code, message: d.message });
    };
    push({ type: 'join_called' });
    Z.join(options);
  }

  global.signetBridge = {
    scriptFailed: function (src) { failedScripts.push(String(src)); },

    whenLoaded: function (done) {
      // The SDK scripts are synchronous <script> tags: by DOMContentLoaded they have run (or failed).
      if (document.readyState !== 'loading') { done(status()); return; }
      document.addEventListener('DOMContentLoaded', function () { done(status()); });
    },

    start: function (args, done) {
      var Z = global.ZoomMtg;
      if (started) { done({ ok: false, code: -1, message: 'already started' }); return; }
      started = true;
      try {
        Z.setZoomJSLib(new URL(args.libUrl, global.location.href).href.replace(/\/$/, ''), '/av');
        Z.preLoadWasm();
        Z.prepareWebSDK();
        listen(Z);
        Z.init({
          leaveUrl: global.location.origin + '/websdk/leave.html',
          disablePreview: true,
          success: function () {
            push({ type: 'init_ok' });
            done({ ok: true, code: 0, message: '' });
            join(Z, args);
          },
          error: function (e) {
            var d = describe(e);
            push({ type: 'init_error', code: d.code, message: d.message });
            done({ ok: false, code: d.code, message: d.message });
          }
        });
      } catch (e) {
        done({ ok: false, code: -1, message: String(e && e.message || e) });
      }
    },

    drain: function () { return queue.splice(0, queue.length); },

    leave: function (done) {
      var Z = global.ZoomMtg;
      if (!Z || !started) { done(true); return; }
      try {
        Z.leaveMeeting({ success: function () { done(true); }, error: function () { done(false); } });
      } catch (e) {
        done(false);
      }
    }
  };
})(window);
